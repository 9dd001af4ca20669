/** "Go runtime": the standard Go and process collectors of one service. */
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS } from '../constants';
import { prometheusVariable, serviceVariable, SERVICE_ONLY, hotpathDashboard } from './common';
import { grid, promTarget, timeSeriesPanel } from './helpers';
import { GO_RUNTIME_PANEL_IDS } from './panelIds';

const S = `{${SERVICE_ONLY}}`;
const RATE = '$__rate_interval';

export function goRuntimeDashboard(): dashboard.DashboardBuilder {
  return hotpathDashboard(
    'Go runtime',
    DASHBOARD_UIDS.goRuntime,
    'Goroutines, GC, heap, CPU and threads of one Go service (client_golang Go and process collectors).'
  )
    .time({ from: 'now-1h', to: 'now' })
    .refresh('30s')
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .withVariable(prometheusVariable())
    .withVariable(serviceVariable())
    .withPanel(
      timeSeriesPanel({
        id: GO_RUNTIME_PANEL_IDS.goroutines,
        title: 'Goroutines',
        description: 'Live goroutines per instance. Steady growth is a leak or work piling up (goroutine-growth rule).',
        unit: 'short',
        targets: [promTarget('A', `sum by (instance) (go_goroutines${S})`, '{{instance}}')],
        gridPos: grid(0, 0, 12, 8),
      })
    )
    .withPanel(
      timeSeriesPanel({
        id: GO_RUNTIME_PANEL_IDS.gcPause,
        title: 'GC pauses',
        description: 'Stop-the-world pause durations: the worst in the window and the average.',
        unit: 's',
        targets: [
          promTarget(
            'A',
            `max by (instance) (go_gc_duration_seconds${`{${SERVICE_ONLY}, quantile="1"}`})`,
            'max {{instance}}'
          ),
          promTarget(
            'B',
            `sum by (instance) (rate(go_gc_duration_seconds_sum${S}[${RATE}])) / sum by (instance) (rate(go_gc_duration_seconds_count${S}[${RATE}]))`,
            'avg {{instance}}'
          ),
        ],
        gridPos: grid(12, 0, 12, 8),
      })
    )
    .withPanel(
      timeSeriesPanel({
        id: GO_RUNTIME_PANEL_IDS.heap,
        title: 'Heap and RSS',
        description: 'Heap in use, heap allocated (live objects) and the resident set of the process.',
        unit: 'bytes',
        targets: [
          promTarget('A', `sum by (instance) (go_memstats_heap_inuse_bytes${S})`, 'heap in use {{instance}}'),
          promTarget('B', `sum by (instance) (go_memstats_heap_alloc_bytes${S})`, 'heap alloc {{instance}}'),
          promTarget('C', `sum by (instance) (process_resident_memory_bytes${S})`, 'RSS {{instance}}'),
        ],
        gridPos: grid(0, 8, 12, 8),
      })
    )
    .withPanel(
      timeSeriesPanel({
        id: GO_RUNTIME_PANEL_IDS.allocRate,
        title: 'Allocation rate',
        description: 'Bytes allocated per second: what drives GC frequency.',
        unit: 'Bps',
        targets: [
          promTarget('A', `sum by (instance) (rate(go_memstats_alloc_bytes_total${S}[${RATE}]))`, '{{instance}}'),
        ],
        gridPos: grid(12, 8, 12, 8),
      })
    )
    .withPanel(
      timeSeriesPanel({
        id: GO_RUNTIME_PANEL_IDS.cpu,
        title: 'CPU',
        description: 'CPU seconds per second (1 = one core busy).',
        unit: 'short',
        targets: [promTarget('A', `sum by (instance) (rate(process_cpu_seconds_total${S}[${RATE}]))`, '{{instance}}')],
        gridPos: grid(0, 16, 12, 8),
      })
    )
    .withPanel(
      timeSeriesPanel({
        id: GO_RUNTIME_PANEL_IDS.threads,
        title: 'OS threads',
        description: 'Threads created by the runtime; growth points at blocking syscalls or cgo.',
        unit: 'short',
        targets: [promTarget('A', `sum by (instance) (go_threads${S})`, '{{instance}}')],
        gridPos: grid(12, 16, 12, 8),
      })
    );
}
