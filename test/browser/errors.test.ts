import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser, settle, signInAs } from '../helpers/browser.ts';
import { DEMO_PASSWORD, startServer, type TestServer } from '../helpers/server.ts';

// A page whose code cannot be loaded (the network dropped, or a new version replaced the old files
// while the console was open) shows a Chinese message and a way on, never a blank screen.
const SHOTS = fileURLToPath(new URL('../../.test-data/screenshots/', import.meta.url));

let server: TestServer;
let browser: Browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const width of [390, 1366]) {
  test(`a page whose code fails to load offers a reload, and the reload recovers (${width} px)`, async () => {
    const { page, context } = await signInAs(browser, server.url, 'scjg_officer1', DEMO_PASSWORD, {
      width,
      height: 900,
    });
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The case list's chunk is unreachable, as after a deployment removed it or on a dropped link.
      await page.route(/\/console\/assets\/CaseListPage-[^/]+\.js$/, (r) => r.abort('internetdisconnected'));
      await page.goto(`${server.url}/console/cases`);
      await page.getByText('页面加载失败').waitFor({ timeout: 15_000 });
      await settle(page);
      await page.screenshot({ path: `${SHOTS}error-boundary-${width}.png`, fullPage: true });
      const body = (await page.locator('body').innerText()).trim();
      assert.match(body, /重新加载/);
      assert.match(body, /返回首页/);
      // Nothing English or technical reaches the user.
      assert.doesNotMatch(body, /dynamically|import|module|TypeError|Failed/i);
      // The menu outside the failed page still works (the boundary sits inside the layout).
      if (width >= 1000) await page.getByRole('menu').first().waitFor({ timeout: 15_000 });

      await page.unroute(/\/console\/assets\/CaseListPage-[^/]+\.js$/);
      await page.getByRole('button', { name: /重新加载/ }).click();
      await page.getByTestId('case-state-filter').waitFor({ timeout: 15_000 });
      assert.equal(await page.getByText('页面加载失败').count(), 0);
    } finally {
      await context.close();
    }
  });
}
