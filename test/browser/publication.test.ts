import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, overflow, settle, shows, signInAs } from '../helpers/browser.ts';
import { DEMO_PASSWORD, startServer, type TestServer } from '../helpers/server.ts';

// 执法决定公开 as an officer does it: the desk lists the demo's newest decision awaiting publication with its
// clock, the drawer shows the notice with the vendor's name masked and what was taken out, the officer
// publishes, and a citizen then finds it on the portal with JavaScript off.
let server: TestServer;
let browser: Browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const width of [390, 1366]) {
  test(`an officer publishes the waiting decision at ${width} px and a citizen reads it`, async () => {
    const { page, context } = await signInAs(browser, server.url, 'scjg_officer1', DEMO_PASSWORD, {
      width,
      height: 900,
    });
    try {
      await page.goto(`${server.url}/console/publications`);
      const list = page.getByTestId('publication-list');
      await shows(list, /流动摊贩吴长林未取得健康证明销售直接入口食品/, 'the waiting decision');
      await shows(list, /剩余 \d+ 个工作日/, 'with its clock');
      await page.locator('[data-testid^="publication-row-"]').first().click();
      const preview = page.getByTestId('notice-preview');
      await shows(preview, /吴某某（自然人）/, "the vendor's name masked");
      assert.doesNotMatch((await preview.textContent()) ?? '', /吴长林/, 'never the full name');
      await shows(page.getByTestId('removed-passages'), /当事人姓名/, 'what was taken out, in words');
      assert.equal(await overflow(page), 0, 'no sideways scrolling');
      if (width === 1366) {
        await page.getByTestId('publish').click();
        await shows(page.locator('.ant-message'), /已在公示平台公开/, 'published');
        await settle(page);
      }
    } finally {
      await context.close();
    }
    if (width === 390) return;
    // The citizen, on a phone, without JavaScript.
    const citizen = await browser.newContext({
      viewport: { width: 390, height: 900 },
      isMobile: true,
      javaScriptEnabled: false,
    });
    try {
      const p = await citizen.newPage();
      await p.goto(`${server.url}/decisions?q=${encodeURIComponent('健康证明')}`);
      const results = p.locator('ul.decisions');
      await shows(results, /吴某某/, 'found by words of the facts');
      assert.doesNotMatch((await p.content()) ?? '', /吴长林/, 'the name never reaches the portal');
      await p.locator('ul.decisions a').first().click();
      await shows(p.locator('main'), /执法结论/, 'the notice');
      await shows(p.locator('main'), /警告/, 'its conclusion');
      assert.equal(await overflow(p), 0, 'fits a phone');
    } finally {
      await citizen.close();
    }
  });
}
