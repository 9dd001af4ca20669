import { expect, skipWithoutGrafana, test } from './fixtures';

skipWithoutGrafana();

test('app configuration page shows the data source pickers and saves', async ({ appConfigPage, page }) => {
  const form = page.getByTestId('hotpath-app-config');
  await expect(form).toBeVisible();
  await expect(form.getByText('Prometheus', { exact: true })).toBeVisible();
  await expect(form.getByText('Pyroscope', { exact: true })).toBeVisible();

  const saveResponse = appConfigPage.waitForSettingsResponse();
  await page.getByRole('button', { name: /Save settings/i }).click();
  await expect(saveResponse).toBeOK();
});
