import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { queryRows } from '../../src/platform/db/index.ts';
import { launchBrowser, overflow, settle, signInAs } from '../helpers/browser.ts';
import { DEMO_PASSWORD, startServer, type TestServer } from '../helpers/server.ts';

// The public portal on a phone and a desk, with JavaScript off as the portal needs none (issue 11): no
// page scrolls sideways, the officer directory reads as cards at 390 px, long hashes wrap, the keyboard
// reaches the content. And the console tells an administrator that QR codes point at this machine.
const SHOTS = fileURLToPath(new URL('../../.test-data/screenshots/', import.meta.url));

let server: TestServer;
let browser: Browser;
const paths: [string, string][] = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  const html = async (p: string) => (await fetch(server.url + p)).text();
  const agency = /href="(\/agencies\/[0-9a-f-]{36})"/.exec(await html('/agencies'))![1]!;
  const officer = /href="(\/officers\/[^"?]+)"/.exec(await html('/officers'))![1]!;
  const [doc] = await queryRows<{ id: string }>(
    server.database.db,
    sql`select id from documents order by issued_at limit 1`,
  );
  paths.push(
    ['home', '/'],
    ['agencies', '/agencies'],
    ['agency', agency],
    ['officers', '/officers'],
    ['officer', officer],
    ['ledger', '/ledger'],
    ['verify', '/verify'],
    ['document', `/documents/${doc!.id}`],
    ['not-found', '/nope'],
    ['open-api', '/open-api'],
  );
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const width of [390, 1366]) {
  test(`portal pages fit the screen with JavaScript off (${width} px)`, async () => {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      isMobile: width < 500,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    try {
      for (const [name, path] of paths) {
        await page.goto(server.url + path);
        // Folded technical details too: open, they must wrap as well.
        for (const d of await page.locator('details').all()) await d.locator('summary').click();
        await page.screenshot({ path: `${SHOTS}portal-${name}-${width}.png`, fullPage: true });
        assert.equal(await overflow(page), 0, `${name} at ${width} px: no sideways scrolling`);
        assert.match(await page.locator('header').innerText(), /蚌埠市行政执法信息公示平台/, name);
        assert.equal(await page.locator('main').count(), 1, `${name}: one main`);
        assert.equal(await page.locator('h1').count(), 1, `${name}: one h1`);
      }

      // The directory: a table at the desk, one card per officer on the phone.
      await page.goto(`${server.url}/officers`);
      const table = page.getByTestId('officer-table');
      const header = table.locator('thead');
      const firstRow = table.locator('tbody tr').first();
      if (width < 600) {
        assert.equal(await header.isVisible(), false, 'no column headers on the phone');
        const cells = await firstRow.locator('td').evaluateAll((tds) =>
          tds.map((td) => {
            const r = td.getBoundingClientRect();
            return { top: r.top, width: r.width, label: getComputedStyle(td, '::before').content };
          }),
        );
        for (let i = 1; i < cells.length; i++)
          assert.ok(cells[i]!.top > cells[i - 1]!.top, 'fields stacked one under another');
        assert.ok(
          cells.every((c) => c.width > 300),
          'each field as wide as the card',
        );
        assert.deepEqual(
          cells.map((c) => c.label),
          ['"姓名"', '"证件编号"', '"执法主体"', '"执法类别"', '"执法区域"', '"证件状态"'],
        );
      } else {
        assert.equal(await header.isVisible(), true);
        const tops = await firstRow
          .locator('td')
          .evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().top)));
        assert.equal(new Set(tops).size, 1, 'one row per officer at the desk');
      }

      // The ledger's hashes wrap inside the card.
      await page.goto(`${server.url}/ledger`);
      for (const d of await page.locator('details').all()) await d.locator('summary').click();
      const hashes = await page
        .locator('.hash')
        .evaluateAll((els) => els.map((el) => el.scrollWidth <= (el as HTMLElement).clientWidth + 1));
      assert.ok(hashes.length >= 3 && hashes.every(Boolean), 'every hash fits its box');

      // The keyboard: the first Tab offers the way past the header to the content.
      await page.goto(`${server.url}/officers`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到正文');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.closest('main') !== null),
        true,
        'the next Tab lands in the content',
      );
    } finally {
      await context.close();
    }
  });

  test(`the console warns the administrator that QR codes point at this machine (${width} px)`, async () => {
    const { page, context } = await signInAs(browser, server.url, 'admin', DEMO_PASSWORD, {
      width,
      height: 900,
    });
    try {
      const warning = page.getByTestId('public-url-warning');
      await warning.waitFor({ timeout: 15_000 });
      assert.match(await warning.innerText(), /MINGJING_PUBLIC_URL/);
      assert.match(await warning.innerText(), /二维码将指向本机地址/);
      await settle(page);
      await page.screenshot({ path: `${SHOTS}console-public-url-warning-${width}.png` });
      assert.equal(await overflow(page), 0);
    } finally {
      await context.close();
    }
  });
}
