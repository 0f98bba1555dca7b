import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, overflow, pick, settle, shows, signInAs } from '../helpers/browser.ts';
import { DEMO_PASSWORD, startServer, type TestServer } from '../helpers/server.ts';

// The legal reviewer's day in the console (法制审核, 行政处罚法 art. 58), through the forms only: the
// workbench lists what waits, a 纠正 names its problem point by point, an agreement after a corrected
// round lets the decision through. The demo holds a case resubmitted after a 纠正 and a complex case
// sent for review.
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

/** Opens a case from the reviewer's workbench by its title (the menu at desk width, the address on a phone). */
async function openFromWorkbench(page: Page, title: RegExp, width: number) {
  if (width < 500) await page.goto(`${server.url}/console/reviews`);
  else await page.getByTestId('nav-reviews').click();
  const list = page.getByTestId('review-list');
  await shows(list, title, 'the workbench lists the case');
  await list.locator('a', { hasText: title }).first().click();
  await shows(page.getByTestId('case-title'), title, 'the case page');
}

const reviewer = (width: number) =>
  signInAs(browser, server.url, 'scjg_reviewer', DEMO_PASSWORD, { width, height: 900 });

test('a reviewer corrects a case point by point, at 390 px', async () => {
  const width = 390;
  const { page, context } = await reviewer(width);
  await openFromWorkbench(page, /鑫源食品批发公司/, width);
  await shows(page.getByTestId('review-status'), /审核中/, 'the round waits for the reviewer');
  await page.getByTestId('case-action-record_review_opinion').click();
  await pick(page, 'input-opinion', '纠正');
  await page.getByTestId('input-reasons').fill('违法所得认定依据不足，请补充下游经营者的进货凭证。');
  await page.getByTestId('finding-facts').getByText('存在问题').click();
  // Without the problem written out the form does not send.
  await page.getByTestId('action-submit').click();
  await shows(page.locator('.ant-form-item-explain-error'), /请写明存在的问题/, 'the problem is asked for');
  await page.getByTestId('finding-facts-note').fill('违法所得2,300元仅有当事人陈述，缺少进货凭证');
  await settle(page);
  await page.screenshot({ path: `${SHOTS}review-opinion-${width}.png` });
  await page.getByTestId('action-submit').click();
  await shows(page.getByTestId('review-status'), /纠正/, 'the 纠正 is recorded');
  await shows(
    page.getByTestId('review-round-1'),
    /违法所得2,300元仅有当事人陈述/,
    'the problem on the round',
  );
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(
    body,
    /[0-9a-f]{8}-[0-9a-f]{4}-|\bfindings\b|\bopinion\b|"point"/,
    'no ids, keys or JSON',
  );
  assert.equal(await overflow(page), 0, `no sideways scrolling at ${width} px`);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}review-corrected-${width}.png`, fullPage: true });
  await context.close();
});

test('a reviewer agrees a case resubmitted after a 纠正, at 1366 px', async () => {
  const width = 1366;
  const { page, context } = await reviewer(width);
  await openFromWorkbench(page, /淮河粮油贸易公司/, width);
  await shows(page.getByTestId('review-round-1'), /纠正/, 'the first round was corrected');
  await shows(page.getByTestId('review-round-2'), /已补充裁量基准及阶次/, 'the handler’s answer to it');
  await page.getByTestId('case-action-record_review_opinion').click();
  await pick(page, 'input-opinion', '同意');
  await page
    .getByTestId('input-reasons')
    .fill('已按审核意见补充裁量基准，事实清楚，适用法律正确，裁量适当。');
  await page.getByTestId('action-submit').click();
  await shows(page.getByTestId('review-status'), /审核同意/, 'agreed');
  await settle(page);
  await page.screenshot({ path: `${SHOTS}review-case-${width}.png`, fullPage: true });
  assert.equal(await overflow(page), 0, `no sideways scrolling at ${width} px`);
  await context.close();
});
