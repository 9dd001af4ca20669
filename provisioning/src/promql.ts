/**
 * PromQL shared by dashboards and alert rules. Only names from docs/metrics.md (a test enforces it).
 * Service identity is the `job` label; rules group by (job, route) and copy job into a `service` label so that the
 * alert carries `service` in Grafana AND in Prometheus (label templates are not an option in Grafana's file
 * provisioning: rule labels go through env-var interpolation, which would eat `$labels`).
 */

export const REQUESTS = 'http_requests_total';
export const DURATION_BUCKET = 'http_request_duration_seconds_bucket';
export const SERVER_ERRORS = 'code=~"5.."';

/** label_replace that adds service=<job>. */
export function withService(expr: string): string {
  return `label_replace(${expr}, "service", "$1", "job", "(.*)")`;
}

function matchers(...parts: Array<string | undefined>): string {
  const present = parts.filter((p): p is string => Boolean(p));
  return present.length ? `{${present.join(', ')}}` : '';
}

/** `[window]` or `[window] offset offset`. */
function range(window: string, offset?: string): string {
  return offset ? `[${window}] offset ${offset}` : `[${window}]`;
}

export interface Scope {
  /** Extra label matchers, e.g. `job="$service"`. */
  selector?: string;
  /** Grouping labels besides `le`. */
  by: string[];
}

export function quantile(q: number, scope: Scope, window: string, offset?: string): string {
  const by = [...scope.by, 'le'].join(', ');
  return `histogram_quantile(${q}, sum by (${by}) (rate(${DURATION_BUCKET}${matchers(scope.selector)}${range(window, offset)})))`;
}

export function requestRate(scope: Scope, window: string, offset?: string): string {
  return `sum by (${scope.by.join(', ')}) (rate(${REQUESTS}${matchers(scope.selector)}${range(window, offset)}))`;
}

/**
 * 5xx share of requests. The `or … * 0` keeps a 0 for routes that had no 5xx at all, so a healthy route yields 0
 * instead of no series (which Grafana would count as NoData and Prometheus as "nothing to compare").
 */
export function errorRatio(scope: Scope, window: string, offset?: string): string {
  const by = scope.by.join(', ');
  const errors = `sum by (${by}) (rate(${REQUESTS}${matchers(scope.selector, SERVER_ERRORS)}${range(window, offset)}))`;
  const all = requestRate(scope, window, offset);
  return `(${errors} or ${all} * 0) / ${all}`;
}
