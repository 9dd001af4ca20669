/**
 * RuleSpec → Grafana-managed alert rules, built with foundation-sdk (HTTP API shape). fileProvisioning.ts maps the
 * result to the file-provisioning shape Grafana reads from provisioning/alerting/.
 */
import * as alerting from '@grafana/grafana-foundation-sdk/alerting';
import * as expr from '@grafana/grafana-foundation-sdk/expr';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import {
  EXPR_UID,
  PROMETHEUS_TYPE,
  PROMETHEUS_UID,
  RULE_GROUP,
  RULE_GROUP_INTERVAL_SECONDS,
  RUNBOOK_BASE_URL,
} from '../constants';
import { bottleneckAnnotationLink } from '../links';
import { DEFAULT_RULE_PARAMS, grafanaMath, RuleParams, RuleSpec, ruleSpecs } from './ruleSource';

/** Ref id of the math node that is each rule's condition. */
export const CONDITION_REF = 'Z';

export function grafanaAnnotations(spec: RuleSpec): Record<string, string> {
  return {
    summary: spec.summary,
    description: spec.grafanaDescription,
    runbook_url: RUNBOOK_BASE_URL + spec.runbook,
    // Grafana draws the alert's state changes on this panel and puts it in notifications (DashboardURL/PanelURL).
    __dashboardUid__: spec.dashboardUid,
    __panelId__: String(spec.panelId),
    // The evidence: Bottleneck dashboard for this service (and route). Relative time range; see links.ts.
    bottleneck_url: bottleneckAnnotationLink({ withRoute: spec.perRoute }),
  };
}

function ruleBuilder(spec: RuleSpec): alerting.RuleBuilder {
  const queries: alerting.QueryBuilder[] = spec.queries.map((q) =>
    new alerting.QueryBuilder(q.refId)
      .datasourceUid(PROMETHEUS_UID)
      .relativeTimeRange({ from: q.lookbackSeconds, to: 0 })
      .model(
        new prometheus.DataqueryBuilder()
          .refId(q.refId)
          .datasource({ type: PROMETHEUS_TYPE, uid: PROMETHEUS_UID })
          .expr(q.expr)
          .instant()
      )
  );
  queries.push(
    new alerting.QueryBuilder(CONDITION_REF)
      .datasourceUid(EXPR_UID)
      .relativeTimeRange({ from: 0, to: 0 })
      .model(
        new expr.TypeMathBuilder()
          .refId(CONDITION_REF)
          .datasource({ type: EXPR_UID, uid: EXPR_UID })
          .expression(grafanaMath(spec.conditions))
      )
  );
  return new alerting.RuleBuilder(spec.title)
    .uid(spec.uid)
    .orgID(1)
    .ruleGroup(RULE_GROUP)
    .queries(queries)
    .condition(CONDITION_REF)
    .forDuration(spec.for)
    .keepFiringFor(spec.keepFiringFor)
    .noDataState(spec.noDataState)
    .execErrState(spec.execErrState)
    .missingSeriesEvalsToResolve(spec.missingSeriesEvalsToResolve)
    .isPaused(false)
    .labels({ severity: spec.severity })
    .annotations(grafanaAnnotations(spec));
}

export interface GrafanaRuleGroup {
  group: alerting.RuleGroup;
  rules: alerting.Rule[];
}

/** JSON round trip: builders may leave functions (e.g. `_implementsDataqueryVariant`) on the objects. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function grafanaRuleGroup(params: RuleParams = DEFAULT_RULE_PARAMS): GrafanaRuleGroup {
  const builders = ruleSpecs(params).map(ruleBuilder);
  const group = new alerting.RuleGroupBuilder(RULE_GROUP).interval(RULE_GROUP_INTERVAL_SECONDS).rules(builders).build();
  return plain({ group, rules: group.rules ?? [] });
}
