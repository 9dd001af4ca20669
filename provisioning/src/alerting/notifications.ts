/** Contact point, notification policy and notification template (foundation-sdk builders, API shape). */
import * as alerting from '@grafana/grafana-foundation-sdk/alerting';
import { ALERT_RECEIVER_URL, CONTACT_POINT_NAME, CONTACT_POINT_UID, TEMPLATE_NAME } from '../constants';
import { bottleneckNotificationLink } from '../links';

export const TITLE_TEMPLATE = `${TEMPLATE_NAME}.title`;
export const MESSAGE_TEMPLATE = `${TEMPLATE_NAME}.message`;

/**
 * Webhook to the docker compose service `alert-receiver`, which logs what Grafana sends. Grafana's webhook payload
 * carries every alert with labels, annotations (summary, description, runbook_url, bottleneck_url), values,
 * dashboardURL/panelURL, plus `title` and `message` rendered from our template.
 */
export function contactPoints(): alerting.ContactPoint[] {
  return [
    new alerting.ContactPointBuilder()
      .uid(CONTACT_POINT_UID)
      .name(CONTACT_POINT_NAME)
      .type('webhook')
      .settings({
        url: ALERT_RECEIVER_URL,
        httpMethod: 'POST',
        title: `{{ template "${TITLE_TEMPLATE}" . }}`,
        message: `{{ template "${MESSAGE_TEMPLATE}" . }}`,
      })
      .disableResolveMessage(false)
      .build(),
  ];
}

/** Commented example written into the contact point file (an SMTP server must be configured in grafana.ini). */
export const EMAIL_EXAMPLE = `
  # Email instead of (or besides) the webhook: add this receiver under the contact point above and
  # configure [smtp] in grafana.ini (or GF_SMTP_* environment variables).
  #   - uid: hotpath-email
  #     type: email
  #     settings:
  #       addresses: oncall@example.com
  #       singleEmail: true
  #       subject: '{{ template "${TITLE_TEMPLATE}" . }}'
  #       message: '{{ template "${MESSAGE_TEMPLATE}" . }}'
`;

/**
 * The org's notification policy tree. NOTE: a provisioned policy tree REPLACES the whole tree of the org (Grafana has
 * one per org): fine for the Hotpath stack; in a shared Grafana, copy the route below into your own tree instead.
 * Grouping by service keeps one notification per service and alert; DatasourceError/NoData alerts of all Hotpath
 * rules (Prometheus down, F8) group into one notification by alertname.
 */
export function notificationPolicy(): alerting.NotificationPolicy {
  return new alerting.NotificationPolicyBuilder()
    .receiver(CONTACT_POINT_NAME)
    .groupBy(['grafana_folder', 'alertname', 'service'])
    .groupWait('30s')
    .groupInterval('5m')
    .repeatInterval('4h')
    .routes([
      new alerting.NotificationPolicyBuilder()
        .receiver(CONTACT_POINT_NAME)
        .objectMatchers([['severity', '=', 'critical']])
        .groupWait('10s')
        .repeatInterval('1h'),
    ])
    .build();
}

/**
 * Notification template. Unlike annotation templates, notification templates see .StartsAt/.EndsAt, so the link
 * here carries the absolute window of the alert (links.ts#bottleneckNotificationLink).
 */
export function notificationTemplates(): alerting.NotificationTemplate[] {
  const link = bottleneckNotificationLink();
  const template = [
    `{{ define "${TITLE_TEMPLATE}" }}[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }}{{ with .CommonLabels.service }} — {{ . }}{{ end }}{{ end }}`,
    '',
    // One block per alert, inside the range so that `$` is still the notification (for $.ExternalURL).
    `{{ define "${MESSAGE_TEMPLATE}" }}{{ range .Alerts }}`,
    '{{ .Status | toUpper }}: {{ .Annotations.summary }}',
    '{{ with .Annotations.description }}{{ . }}',
    '{{ end }}Values: {{ range $ref, $v := .Values }}{{ $ref }}={{ $v }} {{ end }}',
    'Started: {{ .StartsAt.Format "2006-01-02 15:04:05 MST" }}{{ if eq .Status "resolved" }}, resolved: {{ .EndsAt.Format "2006-01-02 15:04:05 MST" }}{{ end }}',
    `Evidence (Bottleneck dashboard around the alert): ${link}`,
    '{{ with .Annotations.runbook_url }}Runbook: {{ . }}',
    '{{ end }}{{ with .PanelURL }}Panel: {{ . }}',
    '{{ end }}{{ with .SilenceURL }}Silence: {{ . }}',
    '{{ end }}',
    '{{ end }}{{ end }}',
  ].join('\n');
  return [new alerting.NotificationTemplateBuilder().name(TEMPLATE_NAME).template(template).build()];
}
