import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { type AppPluginMeta, type PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Stack } from '@grafana/ui';
import { PLUGIN_ID, type AppSettings } from '../../constants';

export type AppConfigProps = PluginConfigPageProps<AppPluginMeta<AppSettings>>;

/** Which Prometheus and Pyroscope data sources the app's pages query by default. */
function AppConfig({ plugin }: AppConfigProps) {
  const jsonData = plugin.meta.jsonData ?? {};
  const [settings, setSettings] = useState<AppSettings>({
    prometheusUid: jsonData.prometheusUid,
    pyroscopeUid: jsonData.pyroscopeUid,
  });
  const [error, setError] = useState<string | undefined>();

  const save = async () => {
    setError(undefined);
    try {
      await lastValueFrom(
        getBackendSrv().fetch({
          url: `/api/plugins/${PLUGIN_ID}/settings`,
          method: 'POST',
          data: { enabled: plugin.meta.enabled, pinned: plugin.meta.pinned, jsonData: settings },
        })
      );
      window.location.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Saving the settings failed.');
    }
  };

  return (
    <FieldSet label="Data sources" data-testid="hotpath-app-config">
      {error && (
        <Alert severity="error" title="Could not save">
          {error}
        </Alert>
      )}
      <Field label="Prometheus" description="RED metrics (request counter and latency histogram).">
        <DataSourcePicker
          type="prometheus"
          current={settings.prometheusUid}
          noDefault
          onChange={(ds) => setSettings({ ...settings, prometheusUid: ds.uid })}
        />
      </Field>
      <Field label="Pyroscope" description="Continuous profiles of the same services.">
        <DataSourcePicker
          type="grafana-pyroscope-datasource"
          current={settings.pyroscopeUid}
          noDefault
          onChange={(ds) => setSettings({ ...settings, pyroscopeUid: ds.uid })}
        />
      </Field>
      <Stack>
        <Button onClick={save}>Save settings</Button>
      </Stack>
    </FieldSet>
  );
}

export default AppConfig;
