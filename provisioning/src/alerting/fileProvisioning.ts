/**
 * foundation-sdk builds the alerting HTTP API shape; Grafana's provisioning/alerting/*.yaml files use another shape
 * (field names checked against Grafana's file provisioning reader: AlertRuleV1, ContactPointV1, templates, policies).
 * This is the whole mapper; input must already be plain JSON (grafanaRules.ts#plain).
 */
import type * as alerting from '@grafana/grafana-foundation-sdk/alerting';
import { FOLDER_TITLE } from '../constants';

export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) {
    return `${seconds / 3600}h`;
  }
  if (seconds % 60 === 0) {
    return `${seconds / 60}m`;
  }
  return `${seconds}s`;
}

export interface FileRule {
  uid: string;
  title: string;
  condition: string;
  data: Array<{
    refId: string;
    queryType: string;
    relativeTimeRange: { from: number; to: number };
    datasourceUid: string;
    model: unknown;
  }>;
  dashboardUid?: string;
  panelId?: number;
  noDataState: string;
  execErrState: string;
  for: string;
  keepFiringFor?: string;
  missing_series_evals_to_resolve?: number;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  isPaused: boolean;
}

export function toFileRule(rule: alerting.Rule): FileRule {
  if (!rule.uid) {
    throw new Error(`rule "${rule.title}" has no uid`);
  }
  const annotations = rule.annotations ?? {};
  const out: FileRule = {
    uid: rule.uid,
    title: rule.title,
    condition: rule.condition,
    data: rule.data.map((q) => {
      if (!q.refId || !q.datasourceUid) {
        throw new Error(`rule ${rule.uid}: query without refId/datasourceUid`);
      }
      return {
        refId: q.refId,
        queryType: q.queryType ?? '',
        relativeTimeRange: { from: q.relativeTimeRange?.from ?? 0, to: q.relativeTimeRange?.to ?? 0 },
        datasourceUid: q.datasourceUid,
        model: q.model,
      };
    }),
    noDataState: rule.noDataState,
    execErrState: rule.execErrState,
    for: rule.for,
    annotations,
    labels: rule.labels ?? {},
    isPaused: rule.isPaused ?? false,
  };
  // The file format carries the dashboard/panel link as fields as well as annotations (as Grafana's export does).
  if (annotations.__dashboardUid__) {
    out.dashboardUid = annotations.__dashboardUid__;
    out.panelId = Number(annotations.__panelId__);
  }
  if (rule.keep_firing_for) {
    out.keepFiringFor = rule.keep_firing_for; // camelCase in files; keep_firing_for would be silently ignored
  }
  if (rule.missingSeriesEvalsToResolve !== undefined) {
    out.missing_series_evals_to_resolve = rule.missingSeriesEvalsToResolve; // snake_case in files
  }
  return out;
}

export function toRuleGroupFile(group: alerting.RuleGroup, orgId = 1) {
  return {
    apiVersion: 1,
    groups: [
      {
        orgId,
        name: group.title,
        // Folder by title: created when missing, shared with the dashboards provider (constants.ts FOLDER_TITLE).
        folder: FOLDER_TITLE,
        interval: formatDuration(group.interval ?? 60),
        rules: (group.rules ?? []).map(toFileRule),
      },
    ],
  };
}

export function toContactPointFile(points: alerting.ContactPoint[], orgId = 1) {
  const byName = new Map<string, alerting.ContactPoint[]>();
  for (const p of points) {
    if (!p.name || !p.uid) {
      throw new Error('contact point needs a name and a uid');
    }
    byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  }
  return {
    apiVersion: 1,
    contactPoints: [...byName.entries()].map(([name, receivers]) => ({
      orgId,
      name,
      receivers: receivers.map((r) => ({
        uid: r.uid,
        type: r.type,
        settings: r.settings,
        disableResolveMessage: r.disableResolveMessage ?? false,
      })),
    })),
  };
}

export function toPolicyFile(policy: alerting.NotificationPolicy, orgId = 1) {
  const { provenance, ...route } = policy;
  void provenance;
  return { apiVersion: 1, policies: [{ orgId, ...route }] };
}

export function toTemplateFile(templates: alerting.NotificationTemplate[], orgId = 1) {
  return {
    apiVersion: 1,
    templates: templates.map((t) => ({ orgId, name: t.name, template: t.template })),
  };
}
