/** Variables and data source references shared by the dashboards. */
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { PROMETHEUS_TYPE, PROMETHEUS_UID, PYROSCOPE_TYPE, PYROSCOPE_UID, DEMO_SERVICE } from '../constants';
import { REQUESTS } from '../promql';

/**
 * Dashboards reference data sources through variables only, so they import into any Grafana: the variable's
 * current value is our provisioned uid; elsewhere Grafana falls back to the first data source of the type.
 */
export const PROMETHEUS_VAR = 'datasource';
export const PYROSCOPE_VAR = 'pyroscope';
export const promDs = { type: PROMETHEUS_TYPE, uid: `\${${PROMETHEUS_VAR}}` };
export const pyroDs = { type: PYROSCOPE_TYPE, uid: `\${${PYROSCOPE_VAR}}` };

export function prometheusVariable(): dashboard.DatasourceVariableBuilder {
  return new dashboard.DatasourceVariableBuilder(PROMETHEUS_VAR)
    .label('Prometheus')
    .type(PROMETHEUS_TYPE)
    .current({ selected: true, text: 'Prometheus', value: PROMETHEUS_UID });
}

export function pyroscopeVariable(): dashboard.DatasourceVariableBuilder {
  return new dashboard.DatasourceVariableBuilder(PYROSCOPE_VAR)
    .label('Pyroscope')
    .type(PYROSCOPE_TYPE)
    .current({ selected: true, text: 'Pyroscope', value: PYROSCOPE_UID });
}

/** service = Prometheus job (= Pyroscope service_name). */
export function serviceVariable(): dashboard.QueryVariableBuilder {
  const query = `label_values(${REQUESTS}, job)`;
  return new dashboard.QueryVariableBuilder('service')
    .label('Service')
    .datasource(promDs)
    .query(query)
    .definition(query)
    .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
    .sort(dashboard.VariableSort.AlphabeticalAsc)
    .current({ selected: true, text: DEMO_SERVICE, value: DEMO_SERVICE });
}

export function routeVariable(): dashboard.QueryVariableBuilder {
  const query = `label_values(${REQUESTS}{job="$service"}, route)`;
  return new dashboard.QueryVariableBuilder('route')
    .label('Route')
    .datasource(promDs)
    .query(query)
    .definition(query)
    .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
    .sort(dashboard.VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ selected: true, text: ['All'], value: ['$__all'] });
}

/** Label matchers every RED query of a dashboard uses. */
export const SERVICE_ROUTE = 'job="$service", route=~"$route"';
export const SERVICE_ONLY = 'job="$service"';

export const GRAFANA_BUILTIN_UID = '-- Grafana --';

/** Grafana's built-in "Annotations & Alerts": draws alert state changes on the panel a rule names (__panelId__). */
export function builtInAnnotations(): dashboard.AnnotationQueryBuilder {
  return new dashboard.AnnotationQueryBuilder()
    .name('Annotations & Alerts')
    .builtIn(1)
    .datasource({ type: 'grafana', uid: GRAFANA_BUILTIN_UID })
    .enable(true)
    .hide(true)
    .iconColor('rgba(0, 211, 255, 1)')
    .type('dashboard');
}

/** The header every Hotpath dashboard shares: title, uid, description, the `hotpath` tag, Grafana's built-in annotations. */
export function hotpathDashboard(title: string, uid: string, description: string): dashboard.DashboardBuilder {
  return new dashboard.DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags(['hotpath'])
    .editable()
    .annotation(builtInAnnotations());
}
