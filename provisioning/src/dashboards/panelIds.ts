/**
 * Fixed panel ids. Alert rules point at them (__panelId__) and the app/tests may deep-link to them (viewPanel=),
 * so they never change once published; a test checks every id a rule names exists in its dashboard.
 */
export const RED_PANEL_IDS = { throughput: 1, errors: 2, p99: 3, p50: 4, inFlight: 5 } as const;
export const BOTTLENECK_PANEL_IDS = {
  correlation: 1,
  cpu: 2,
  allocSpace: 3,
  inuseSpace: 4,
  goroutines: 5,
  mutex: 6,
  block: 7,
} as const;
export const GO_RUNTIME_PANEL_IDS = { goroutines: 1, gcPause: 2, heap: 3, allocRate: 4, cpu: 5, threads: 6 } as const;
export const ALERTS_PANEL_IDS = { rules: 1, firing: 2 } as const;
