import { FieldColorModeId, FieldConfigProperty, PanelPlugin } from '@grafana/data';
import { CorrelationPanel } from './CorrelationPanel';
import { defaultCorrelationOptions, type CorrelationOptions } from './types';

export const plugin = new PanelPlugin<CorrelationOptions>(CorrelationPanel)
  // Grafana applies field config (colour, unit, …) only for the standard options a panel declares; without this the
  // metrics chart gets no series colours and every line is drawn in the same grey. Classic palette as in Time series.
  .useFieldConfig({
    standardOptions: {
      [FieldConfigProperty.Color]: { defaultValue: { mode: FieldColorModeId.PaletteClassic } },
    },
  })
  .setPanelOptions((builder) =>
    builder
      .addSliderInput({
        path: 'metricsHeightPercent',
        name: 'Metrics height',
        description: 'Share of the panel height given to the metrics chart (%).',
        defaultValue: defaultCorrelationOptions.metricsHeightPercent,
        settings: { min: 10, max: 90, step: 5 },
      })
      .addRadio({
        path: 'profileView',
        name: 'Profile view',
        defaultValue: defaultCorrelationOptions.profileView,
        settings: {
          options: [
            { value: 'both', label: 'Table and flame graph' },
            { value: 'flamegraph', label: 'Flame graph' },
          ],
        },
      })
  );
