import React, { useMemo } from 'react';
import { type DataFrame } from '@grafana/data';
import { FlameGraph } from '@grafana/flamegraph';
import { useTheme2 } from '@grafana/ui';
import { fitFlameLevels, maxFlameLevels } from '../domain/fitFlameToCanvas';
import { shortenLabels } from '../domain/shortenLabels';
import { type ProfileView as ProfileViewMode } from '../types';

interface Props {
  frame: DataFrame;
  view: ProfileViewMode;
  /** Width of the panel (CSS px): the flame graph's canvas is as wide, which bounds how many levels fit. */
  width: number;
}

/** The profile of the same service and time range, drawn by Grafana's own flame graph component. */
export function ProfileView({ frame, view, width }: Props) {
  const theme = useTheme2();
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio;
  // Very long names freeze the flame graph's colouring (see shortenLabels), and a graph deeper than the browser's
  // largest canvas would be drawn blank: cut the names and fold the deepest levels into "[truncated]".
  const short = useMemo(() => shortenLabels(frame), [frame]);
  const fitted = useMemo(() => fitFlameLevels(short, maxFlameLevels(width, dpr)).frame, [short, width, dpr]);
  return (
    <FlameGraph
      data={fitted}
      getTheme={() => theme}
      showFlameGraphOnly={view === 'flamegraph'}
      vertical
      showAnalyzeWithAssistant={false}
    />
  );
}
