import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser, overflow, settle, shows, signInAs } from '../helpers/browser.ts';
import { DEMO_PASSWORD, startServer, type TestServer } from '../helpers/server.ts';

// The console's home page per role, at phone and desk width: the officer's tasks and clocks, the
// head's approvals, each row leading to its case.
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
  test(`home page of the officer and of the head at ${width} px`, async () => {
    for (const [username, tasksTitle] of [
      ['scjg_officer1', /我的待办/],
      ['scjg_head', /待我审批、决定/],
    ] as const) {
      const { page, context } = await signInAs(browser, server.url, username, DEMO_PASSWORD, {
        width,
        height: 900,
      });
      const tasks = page.getByTestId('home-tasks');
      await shows(tasks, tasksTitle, `${username}: the tasks card`);
      await settle(page);
      await page.screenshot({ path: `${SHOTS}home-${username}-${width}.png`, fullPage: true });
      assert.equal(await overflow(page), 0, `${username} at ${width} px: no sideways scrolling`);
      const body = await page.locator('body').innerText();
      assert.doesNotMatch(body, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no id on screen');
      // A task leads to its case.
      const first = tasks.locator('a').first();
      const title = await first.innerText();
      await first.click();
      await shows(
        page.getByTestId('case-title'),
        new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
        'the case',
      );
      await context.close();
    }
  });
}
