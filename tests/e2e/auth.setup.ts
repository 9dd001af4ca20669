import { test } from '@grafana/plugin-e2e';
import { skipWithoutGrafana } from './grafana';

// Checked in beforeAll: plugin-e2e's login fixtures call Grafana while they are set up, before a test body runs.
skipWithoutGrafana();

// plugin-e2e's own auth step: log in once and store the cookie for the other specs.
test('authenticate', async ({ login, createUser, user, grafanaAPICredentials }) => {
  if (user && (user.user !== grafanaAPICredentials.user || user.password !== grafanaAPICredentials.password)) {
    await createUser();
  }
  await login();
});
