/**
 * RuleSpec → Prometheus alerting rules: the SAME PromQL and comparisons as the Grafana rules (promqlCondition), for
 * `promtool check rules` / `promtool test rules` and for the local stack's Prometheus. Prometheus has no
 * noDataState/execErrState: those paths are Grafana-only and covered by the e2e specs.
 */
import { RULE_GROUP, RULE_GROUP_INTERVAL_SECONDS, RUNBOOK_BASE_URL } from '../constants';
import { bottleneckPath, raw, ANNOTATION_LINK_FROM } from '../links';
import { formatDuration } from './fileProvisioning';
import { DEFAULT_RULE_PARAMS, promqlCondition, RuleParams, ruleSpecs } from './ruleSource';

export interface PrometheusRule {
  alert: string;
  expr: string;
  for: string;
  keep_firing_for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** Alert name in Prometheus: the Grafana rule uid (titles contain spaces and a colon). */
export function prometheusAlertName(uid: string): string {
  return uid
    .split('-')
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}

export function prometheusRuleFile(params: RuleParams = DEFAULT_RULE_PARAMS) {
  const rules: PrometheusRule[] = ruleSpecs(params).map((spec) => ({
    alert: prometheusAlertName(spec.uid),
    expr: promqlCondition(spec),
    for: spec.for,
    keep_firing_for: spec.keepFiringFor,
    labels: { severity: spec.severity, grafana_rule_uid: spec.uid },
    annotations: {
      summary: spec.summary,
      description: spec.prometheusDescription,
      runbook_url: RUNBOOK_BASE_URL + spec.runbook,
      // Path on the Grafana that shows these metrics (Prometheus does not know Grafana's URL).
      bottleneck_path: bottleneckPath(
        {
          service: '{{ $labels.service | urlquery }}',
          route: spec.perRoute ? '{{ $labels.route | urlquery }}' : undefined,
          from: ANNOTATION_LINK_FROM,
          to: 'now',
        },
        { encode: raw }
      ),
    },
  }));
  return { groups: [{ name: RULE_GROUP, interval: formatDuration(RULE_GROUP_INTERVAL_SECONDS), rules }] };
}
