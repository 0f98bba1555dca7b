import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, overflow, pick, settle, shows, signInAs } from '../helpers/browser.ts';
import { DEMO_PASSWORD, loggedIn, startServer, type TestServer } from '../helpers/server.ts';

// The agency admin keeps the 重大执法决定法制审核目录清单 on the agency page: adds an entry with an amount in
// 元, saves it as a new version, and sees it listed in words (the server stores 分).
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

test('an agency admin adds a catalogue entry with an amount in 元 and sees it in force', async () => {
  const api = await loggedIn(server, 'scjg_admin');
  const agencyId = (await api.get('/api/auth/me')).body.user.agencyId as string;
  const before = (await api.get(`/api/agencies/${agencyId}/review-catalogue`)).body;
  const n = before.current.entries.length as number;

  const { page, context } = await signInAs(browser, server.url, 'scjg_admin', DEMO_PASSWORD, {
    width: 1366,
    height: 900,
  });
  try {
    await page.goto(`${server.url}/console/agencies/${agencyId}`);
    const card = page.getByTestId('review-catalogue');
    await shows(card, /第1版 · 自2021-07-15起施行/, 'the demo version in force');
    await shows(card, /罚款金额达到100,000元/, 'conditions in words');
    await page.getByTestId('review-catalogue-edit').click();
    await page.getByTestId('review-entry-add').click();
    await page.getByTestId(`review-entry-label-${n}`).fill('对法人处以12,345.50元以上罚款（测试）');
    await pick(page, `review-condition-kind-${n}-0`, '罚款金额达到');
    await page.getByTestId(`review-condition-yuan-${n}-0`).fill('12345.5');
    await page.getByTestId('review-catalogue-save').click();
    await page.getByTestId('review-catalogue-save').waitFor({ state: 'detached', timeout: 15_000 });
    await settle(page);
    await shows(card, /第2版 · 自\d{4}-\d{2}-\d{2}起施行/, 'the new version is in force from today');
    await shows(card, /对法人处以12,345.50元以上罚款（测试）/, 'the new entry is listed');
    await shows(card, /罚款金额达到12,345.50元/, 'its amount in 元, in words');
    assert.doesNotMatch(
      (await card.textContent()) ?? '',
      /fine_at_least|penalty|\be\d+\b/,
      'no codes or ids',
    );

    const after = (await api.get(`/api/agencies/${agencyId}/review-catalogue`)).body;
    const added = after.current.entries.at(-1);
    assert.equal(added.conditions[0].fen, 1_234_550, 'the server holds the amount in 分');
    assert.deepEqual(added.actionTypes, ['penalty'], 'an entry applies to penalties by default');
    assert.equal(after.current.entries.length, n + 1, 'the earlier entries are kept');
    assert.equal(after.history.length, 2, 'the demo version is kept in the history');
    assert.ok((await overflow(page)) <= 0, 'no sideways scrolling');
  } finally {
    await context.close();
  }
});
