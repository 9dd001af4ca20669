/** provisioning/datasources/datasources.yaml: the two data sources everything else refers to by uid. */
import {
  PROMETHEUS_TYPE,
  PROMETHEUS_UID,
  PROMETHEUS_URL,
  PYROSCOPE_TYPE,
  PYROSCOPE_UID,
  PYROSCOPE_URL,
} from './constants';

export function datasourcesFile() {
  return {
    apiVersion: 1,
    datasources: [
      {
        name: 'Prometheus',
        uid: PROMETHEUS_UID,
        type: PROMETHEUS_TYPE,
        access: 'proxy',
        url: PROMETHEUS_URL,
        isDefault: true,
        editable: false,
        jsonData: {
          httpMethod: 'POST',
          // Scrape interval of the compose stack's Prometheus (deploy/prometheus/prometheus.yml; a test keeps
          // them equal): $__rate_interval is computed from it.
          timeInterval: '5s',
        },
      },
      {
        name: 'Pyroscope',
        uid: PYROSCOPE_UID,
        type: PYROSCOPE_TYPE,
        access: 'proxy',
        url: PYROSCOPE_URL,
        editable: false,
      },
    ],
  };
}

/** provisioning/dashboards/dashboards.yaml: the file provider for the generated JSON next to it. */
export function dashboardProviderFile(folderTitle: string) {
  return {
    apiVersion: 1,
    providers: [
      {
        name: 'hotpath',
        orgId: 1,
        folder: folderTitle,
        type: 'file',
        disableDeletion: false,
        allowUiUpdates: false,
        updateIntervalSeconds: 30,
        options: { path: '/etc/grafana/provisioning/dashboards', foldersFromFilesStructure: false },
      },
    ],
  };
}
