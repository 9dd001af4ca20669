import { ROUTES } from '../../src/constants';
import { expect, skipWithoutGrafana, test } from './fixtures';

skipWithoutGrafana();

test.describe('Hotpath app in Grafana', () => {
  test('Home page loads at /a/hotpath-hotpath-app/home with the four steps', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Home}`);
    const home = page.getByTestId('hotpath-home');
    await expect(home).toBeVisible();
    for (const [step, uid] of [
      ['Identify', 'hotpath-red'],
      ['Diagnose', 'hotpath-bottleneck'],
      ['Fix', 'hotpath-go-runtime'],
      ['Validate', 'hotpath-alerts'],
    ]) {
      await expect(home.getByRole('heading', { name: step })).toBeVisible();
      await expect(home.locator(`a[href$="/d/${uid}"]`)).toBeVisible();
    }
  });

  test('each step links to a provisioned dashboard that exists', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Home}`);
    await page.getByRole('link', { name: 'Bottleneck dashboard' }).click();
    await expect(page).toHaveURL(/\/d\/hotpath-bottleneck/);
    await expect(page.getByText('Dashboard not found')).toHaveCount(0);
  });
});
