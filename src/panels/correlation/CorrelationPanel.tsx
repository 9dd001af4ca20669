import React, { useMemo } from 'react';
import { type PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { checkFields, getMessageCheckFieldsResult } from '@grafana/flamegraph';
import { splitFrames } from './domain/splitFrames';
import { type CorrelationOptions } from './types';
import { CorrelationView } from './ui/CorrelationView';

/** Thin adapter: sorts Grafana's frames, shows Grafana's own error view on unusable data, else the view. */
export function CorrelationPanel({ data, options, timeRange, timeZone, width, height, id, fieldConfig }: PanelProps<CorrelationOptions>) {
  const { series, profile } = useMemo(() => splitFrames(data.series), [data.series]);
  // @grafana/flamegraph throws while rendering a frame with missing or mistyped fields (label as number, no self …);
  // its own check gives the message, which the user sees instead of a crashed panel.
  const profileError = useMemo(() => {
    const wrong = profile ? checkFields(profile) : undefined;
    return wrong ? getMessageCheckFieldsResult(wrong) : undefined;
  }, [profile]);

  // Without metrics there is nothing left to show: Grafana's own error view. With metrics, the chart stays and the
  // profile area says what is wrong (a broken profile query must not hide the latency spike the user came for).
  if (profileError && series.length === 0) {
    return (
      <PanelDataErrorView
        panelId={id}
        data={data}
        fieldConfig={fieldConfig}
        message={`The profile cannot be drawn as a flame graph. ${profileError}.`}
      />
    );
  }

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
      profile={profileError ? undefined : profile}
      profileError={profileError && `The profile cannot be drawn as a flame graph. ${profileError}.`}
      options={options}
      timeRange={timeRange}
      timeZone={timeZone}
      width={width}
      height={height}
    />
  );
}
