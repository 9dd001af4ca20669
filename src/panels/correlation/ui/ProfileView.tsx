import React from 'react';
import { type DataFrame } from '@grafana/data';
import { FlameGraph } from '@grafana/flamegraph';
import { useTheme2 } from '@grafana/ui';
import { type ProfileView as ProfileViewMode } from '../types';

interface Props {
  frame: DataFrame;
  view: ProfileViewMode;
}

/** The profile of the same service and time range, drawn by Grafana's own flame graph component. */
export function ProfileView({ frame, view }: Props) {
  const theme = useTheme2();
  return (
    <FlameGraph
      data={frame}
      getTheme={() => theme}
      showFlameGraphOnly={view === 'flamegraph'}
      vertical
      showAnalyzeWithAssistant={false}
    />
  );
}
