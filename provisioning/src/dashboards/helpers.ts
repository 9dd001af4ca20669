import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import { promDs } from './common';

export function promTarget(refId: string, expr: string, legend: string): prometheus.DataqueryBuilder {
  return new prometheus.DataqueryBuilder().refId(refId).datasource(promDs).expr(expr).legendFormat(legend).range();
}

export function timeSeriesPanel(opts: {
  id: number;
  title: string;
  description: string;
  unit: string;
  targets: prometheus.DataqueryBuilder[];
  gridPos: dashboard.GridPos;
}): timeseries.PanelBuilder {
  return new timeseries.PanelBuilder()
    .id(opts.id)
    .title(opts.title)
    .description(opts.description)
    .datasource(promDs)
    .unit(opts.unit)
    .targets(opts.targets)
    .legend(
      new common.VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(common.LegendDisplayMode.List)
        .placement(common.LegendPlacement.Bottom)
    )
    .tooltip(
      new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi).sort(common.SortOrder.Descending)
    )
    .gridPos(opts.gridPos);
}

export const grid = (x: number, y: number, w: number, h: number): dashboard.GridPos => ({ x, y, w, h });
