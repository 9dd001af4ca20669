import { PanelPlugin } from '@grafana/data';
import { CorrelationPanel } from './CorrelationPanel';
import { defaultCorrelationOptions, type CorrelationOptions } from './types';

export const plugin = new PanelPlugin<CorrelationOptions>(CorrelationPanel).setPanelOptions((builder) =>
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
