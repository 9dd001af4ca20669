/** Minimal Prometheus HTTP API client: instant queries returning one number. */
export async function queryScalar(promUrl: string, expr: string): Promise<number | undefined> {
  const res = await fetch(`${promUrl}/api/v1/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: expr }),
  });
  if (!res.ok) {
    throw new Error(`Prometheus ${res.status} for ${expr}: ${await res.text()}`);
  }
  const body = (await res.json()) as {
    status: string;
    data: { resultType: string; result: Array<{ value: [number, string] }> };
  };
  if (body.status !== 'success') {
    throw new Error(`Prometheus query failed: ${JSON.stringify(body)}`);
  }
  const r = body.data.result;
  if (r.length === 0) {
    return undefined;
  }
  const v = Number(r[0].value[1]);
  return Number.isFinite(v) ? v : undefined;
}

/** Rate window of every test query: short, because the stack scrapes every second. */
export const WINDOW = '10s';

/** p99 latency of one route (the docs/metrics.md p99 expression, job- and route-scoped). */
export function p99Expr(route: string): string {
  return (
    `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket` +
    `{job="hotpath-demo",route="${route}"}[${WINDOW}])))`
  );
}

/** Share of 5xx answers across the service (the docs/metrics.md error ratio, job-scoped). */
export function errorRatioExpr(): string {
  return (
    `(sum(rate(http_requests_total{job="hotpath-demo",code=~"5.."}[${WINDOW}])) or vector(0))` +
    ` / sum(rate(http_requests_total{job="hotpath-demo"}[${WINDOW}]))`
  );
}
