import appPluginJson from '../../src/plugin.json';
import panelPluginJson from '../../src/panels/correlation/plugin.json';
import { DASHBOARD_UIDS } from '../../src/constants';

/**
 * Every identifier that provisioned objects use to refer to each other lives here, once.
 * Tests check that dashboards and rules refer only to these (or to data source variables).
 */

/** Data source uids (≤ 40 chars, [a-zA-Z0-9_-]). Rules use them directly; dashboards only as variable defaults. */
export const PROMETHEUS_UID = 'hotpath-prometheus';
export const PYROSCOPE_UID = 'hotpath-pyroscope';
export const PROMETHEUS_TYPE = 'prometheus';
export const PYROSCOPE_TYPE = 'grafana-pyroscope-datasource';
/** Grafana's server-side expression engine ("__expr__"; "-100" is the legacy alias we do not use). */
export const EXPR_UID = '__expr__';
export const MIXED_UID = '-- Mixed --';

/** Where the docker compose services answer (the names are docker compose service names). */
export const PROMETHEUS_URL = 'http://prometheus:9090';
export const PYROSCOPE_URL = 'http://pyroscope:4040';
export const ALERT_RECEIVER_URL = 'http://alert-receiver:8080/alerts';

/** The app and its nested panel: their ids come from their plugin.json, the single source. */
export const APP_ID: string = appPluginJson.id;
export const CORRELATION_PANEL_TYPE: string = panelPluginJson.id;

/**
 * Folder for dashboards and rules, referenced by TITLE on both sides on purpose: Grafana provisions alerting before
 * dashboards, and the alerting file format only takes a folder title. If the dashboard provider pinned a folderUid,
 * a fresh Grafana would end up with two "Hotpath" folders (alerting creates one by title first). See bad-inputs F12.
 */
export const FOLDER_TITLE = 'Hotpath';
export const RULE_GROUP = 'hotpath';
export const RULE_GROUP_INTERVAL_SECONDS = 60;
/** Every rule title starts with this; the Alerts dashboard filters its alert list on it. */
export const RULE_TITLE_PREFIX = 'Hotpath:';

/** Dashboard uids are the app's (its Home page links to them): defined once, in src/constants.ts. */
export { DASHBOARD_UIDS };

/** Placeholder until the repository has its public home; the only place the runbook base appears. */
export const RUNBOOK_BASE_URL = 'https://github.com/hotpath/hotpath/blob/main/docs/runbooks/';

export const CONTACT_POINT_NAME = 'hotpath-webhook';
export const CONTACT_POINT_UID = 'hotpath-webhook';
export const TEMPLATE_NAME = 'hotpath';

/** Label names: service identity is the Prometheus `job` label, copied into `service` by the rule queries. */
export const SERVICE_LABEL = 'service';
export const JOB_LABEL = 'job';
export const ROUTE_LABEL = 'route';
export const DEMO_SERVICE = 'hotpath-demo';

/** Pyroscope profile type ids as pyroscope-go pushes them (name:sampleType:sampleUnit:periodType:periodUnit). */
export const PROFILE_TYPES = {
  cpu: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  allocSpace: 'memory:alloc_space:bytes:space:bytes',
  inuseSpace: 'memory:inuse_space:bytes:space:bytes',
  goroutines: 'goroutines:goroutine:count:goroutine:count',
  // Go's mutex and block profiles have period type contentions/count (godeltaprof MutexProfileConfig);
  // "mutex:delay:nanoseconds:mutex:count" is the Java async-profiler id and matches nothing a Go service sends.
  mutex: 'mutex:delay:nanoseconds:contentions:count',
  block: 'block:delay:nanoseconds:contentions:count',
} as const;
