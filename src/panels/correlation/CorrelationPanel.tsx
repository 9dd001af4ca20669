import React, { useMemo } from 'react';
import { type PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { splitFrames } from './domain/splitFrames';
import { type CorrelationOptions } from './types';
import { CorrelationView } from './ui/CorrelationView';

/** Thin adapter: sorts Grafana's frames, shows Grafana's own error view on unusable data, else the view. */
export function CorrelationPanel({ data, options, timeRange, timeZone, width, height, id, fieldConfig }: PanelProps<CorrelationOptions>) {
  const { series, profile } = useMemo(() => splitFrames(data.series), [data.series]);

  if (series.length === 0 && !profile) {
    return (
      <PanelDataErrorView
        panelId={id}
        data={data}
        fieldConfig={fieldConfig}
        needsTimeField
        needsNumberField
        message="No metrics or profile data. Query latency/error/throughput from Prometheus and a profile from Pyroscope."
      />
    );
  }

  return (
    <CorrelationView
      series={series}
      profile={profile}
      options={options}
      timeRange={timeRange}
      timeZone={timeZone}
      width={width}
      height={height}
    />
  );
}
