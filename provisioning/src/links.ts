/**
 * The ONE place that knows how to link to "the Bottleneck dashboard for this service around the alert window".
 * Alert annotations, the notification template and the dashboards' data links all call bottleneckPath();
 * the app's Investigate page will take this function over (same parameters, same URL shape).
 */
import { DASHBOARD_UIDS } from './constants';

export interface BottleneckLinkParams {
  /** Service = Prometheus `job` = Pyroscope `service_name`. */
  service: string;
  /** Route label value; omitted means all routes. */
  route?: string;
  /** Grafana time: epoch milliseconds or a relative expression such as `now-1h`. */
  from: string | number;
  to: string | number;
}

export interface LinkOptions {
  /**
   * How each value is escaped. Plain values (the app): encodeURIComponent (the default).
   * Template values (alert annotations, notification templates, data links) escape themselves inside
   * the template (`| urlquery`, `:percentencode`), so they pass `raw`.
   */
  encode?: (value: string) => string;
}

export const raw = (value: string) => value;

/** Grafana's "All" value for a multi-value variable in a URL. */
export const ALL_ROUTES = '$__all';

/** Grafana-relative path (prefix it with the Grafana root URL). */
export function bottleneckPath(params: BottleneckLinkParams, options: LinkOptions = {}): string {
  const encode = options.encode ?? encodeURIComponent;
  const search = [
    `var-service=${encode(params.service)}`,
    `var-route=${params.route === undefined ? ALL_ROUTES : encode(params.route)}`,
    `from=${encode(String(params.from))}`,
    `to=${encode(String(params.to))}`,
  ].join('&');
  return `${bottleneckBasePath()}?${search}`;
}

export function bottleneckBasePath(): string {
  return `/d/${DASHBOARD_UIDS.bottleneck}/bottleneck`;
}

/** Minutes of context shown before the alert started, and after it resolved. */
export const LINK_MINUTES_BEFORE = 30;
export const LINK_MINUTES_AFTER = 10;
const NS_PER_MINUTE = 60_000_000_000;
/** Relative range of the annotation link: the last hour covers the pending period, the spike and its baseline. */
export const ANNOTATION_LINK_FROM = 'now-1h';

/**
 * For alert rule annotations. Grafana's annotation templates only have $labels, $values and $value — the alert's
 * start time is NOT available there (checked against Grafana's "Annotation and label template reference"), so this
 * link carries a relative range; the notification template below carries the absolute one.
 */
export function bottleneckAnnotationLink(opts: { withRoute: boolean }): string {
  return (
    '{{ externalURL }}' +
    bottleneckPath(
      {
        service: '{{ $labels.service | urlquery }}',
        route: opts.withRoute ? '{{ $labels.route | urlquery }}' : undefined,
        from: ANNOTATION_LINK_FROM,
        to: 'now',
      },
      { encode: raw }
    )
  );
}

/**
 * For the notification template, where `.StartsAt`/`.EndsAt` (time.Time) exist: from = start − 30m,
 * to = end + 10m once resolved, else now. time.Time.Add takes a Duration (nanoseconds); text/template converts
 * the integer constant. Verified with Go's text/template in the provisioning tests.
 */
export function bottleneckNotificationLink(): string {
  return (
    '{{ $.ExternalURL }}' +
    bottleneckPath(
      {
        service: '{{ .Labels.service | urlquery }}',
        route: `{{ with .Labels.route }}{{ . | urlquery }}{{ else }}${ALL_ROUTES}{{ end }}`,
        from: `{{ (.StartsAt.Add -${LINK_MINUTES_BEFORE * NS_PER_MINUTE}).UnixMilli }}`,
        to: `{{ if eq .Status "resolved" }}{{ (.EndsAt.Add ${LINK_MINUTES_AFTER * NS_PER_MINUTE}).UnixMilli }}{{ else }}now{{ end }}`,
      },
      { encode: raw }
    )
  );
}

/** For dashboard data links (Grafana's link interpolation: ${var}, ${__field.labels.x}, ${__from}). */
export function bottleneckDataLink(): string {
  return bottleneckPath(
    {
      service: '${service:percentencode}',
      route: '${__field.labels.route:percentencode}',
      from: '${__from}',
      to: '${__to}',
    },
    { encode: raw }
  );
}
