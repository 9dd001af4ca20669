import React from 'react';
import { type DataFrame, type TimeRange } from '@grafana/data';
import { LegendDisplayMode, type TimeZone } from '@grafana/schema';
import { TimeSeries } from '@grafana/ui';

interface Props {
  frames: DataFrame[];
  timeRange: TimeRange;
  timeZone: TimeZone;
  width: number;
  height: number;
}

/**
 * RED metrics over time. Uses @grafana/ui's TimeSeries (uPlot) so the chart looks and behaves like every other
 * Grafana time series: it is exported by @grafana/ui 12.4 and 13.x, which Grafana supplies at run time.
 */
export function MetricsChart({ frames, timeRange, timeZone, width, height }: Props) {
  return (
    <TimeSeries
      frames={frames}
      timeRange={timeRange}
      timeZone={timeZone}
      width={width}
      height={height}
      legend={{ displayMode: LegendDisplayMode.List, placement: 'bottom', showLegend: true, calcs: [] }}
    />
  );
}
