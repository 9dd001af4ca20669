import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, skipWithoutGrafana, test } from './fixtures';

skipWithoutGrafana();

const DASHBOARD_UID = 'hotpath-bottleneck';
const PANEL_TYPE = 'hotpath-correlation-panel';

interface DashboardJson {
  panels: Array<{ id: number; type: string; title: string }>;
}

/** The correlation panels of the provisioned dashboard, read from the file docker compose provisions. */
function correlationPanels() {
  const file = join(__dirname, '..', '..', 'provisioning', 'dashboards', `${DASHBOARD_UID}.json`);
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as DashboardJson;
  return dashboard.panels.filter((p) => p.type === PANEL_TYPE);
}

test.describe(`provisioned dashboard ${DASHBOARD_UID}`, () => {
  test('has at least one Hotpath correlation panel', () => {
    expect(correlationPanels().length).toBeGreaterThan(0);
  });

  for (const panel of correlationPanels()) {
    test(`correlation panel ${panel.id} renders metrics and a profile without panel errors`, async ({ gotoDashboardPage, page, selectors }) => {
      await gotoDashboardPage({ uid: DASHBOARD_UID, queryParams: new URLSearchParams({ viewPanel: `panel-${panel.id}` }) });
      const view = page.getByTestId('hotpath-correlation-view');
      await expect(view).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('hotpath-metrics').locator('canvas').first()).toBeVisible();
      await expect(page.getByTestId('hotpath-profile')).toBeVisible();
      // no error corner, no "plugin not found", no data error view on the panel
      await expect(page.getByTestId(selectors.components.Panels.Panel.status('error'))).toHaveCount(0);
      await expect(page.getByText(/Panel plugin not found/i)).toHaveCount(0);
      await expect(page.getByTestId(selectors.components.Panels.Panel.PanelDataErrorMessage)).toHaveCount(0);
    });
  }
});
