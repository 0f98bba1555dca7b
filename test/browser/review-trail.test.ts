import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, overflow, pick, settle, shows, signInAs } from '../helpers/browser.ts';
import { reviewedAndDecidedCase } from '../helpers/review.ts';
import { DEMO_PASSWORD, startServer, type TestServer } from '../helpers/server.ts';

// 责任追溯 (蚌埠任务分解方案 items 33–34): from the case page's 法制审核 card, the reviewer opens the trail of a
// reviewed and decided case and reads who reviewed it and what they found; the card's 平台核查 lists the
// platform's answers to the 审核内容清单.
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

test('the trail page of a reviewed case names the reviewer and the opinion', async () => {
  const id = await reviewedAndDecidedCase(server, '浏览器责任追溯测试案');
  const { page, context } = await signInAs(browser, server.url, 'scjg_reviewer', DEMO_PASSWORD, {
    width: 390,
    height: 844,
  });
  try {
    await page.goto(`${server.url}/console/cases/${id}`);
    await settle(page);
    const checklist = page.getByTestId('review-checklist');
    await shows(checklist, /平台核查/, 'the 平台核查 section on the review card');
    await checklist.getByText('平台核查').click();
    await shows(
      page.getByTestId('checklist-facts-crime'),
      /须由审核人员判断/,
      'the crime point is left to the reviewer',
    );
    await page.getByTestId('review-trail-link').click();
    const trail = page.getByTestId('review-trail');
    await shows(trail, /陈志远/, 'the reviewer by name');
    await shows(page.getByTestId('trail-opinion-1'), /纠正/, 'the opinion');
    await shows(page.getByTestId('trail-opinion-1'), /货值证据不足，请补充/, 'its reasons');
    await shows(page.getByTestId('trail-opinion-1'), /货值金额证据不足/, 'the finding with its problem');
    await shows(trail, /经负责人集体讨论/, 'the coordination in collective discussion');
    await shows(trail, /高志刚/, 'who decided');
    assert.doesNotMatch(
      (await trail.textContent()) ?? '',
      /[0-9a-f]{8}-[0-9a-f]{4}-|undefined|null/,
      'no ids or empty values',
    );
    assert.ok((await overflow(page)) <= 0, 'no sideways scrolling at 390 px');
  } finally {
    await context.close();
  }
});

test('the opinion form shows the platform’s facts under each point, the flagged ones marked', async () => {
  const id = await reviewedAndDecidedCase(server, '浏览器审核意见核查测试案', 'submitted');
  const { page, context } = await signInAs(browser, server.url, 'scjg_reviewer', DEMO_PASSWORD, {
    width: 1366,
    height: 900,
  });
  try {
    await page.goto(`${server.url}/console/cases/${id}`);
    await page.getByTestId('case-action-record_review_opinion').click();
    const facts = page.getByTestId('finding-facts').getByTestId('checklist-facts-facts');
    await shows(facts, /证据共1份/, 'the evidence count under its point');
    assert.equal(await facts.getAttribute('data-attention'), 'false', 'evidence on file, in the ledger');
    // Filed from a lead without its 立案审批表: the documents point calls for attention.
    const documents = page.getByTestId('finding-documents').getByTestId('checklist-facts-documents');
    await shows(documents, /须注意/, 'a missing document calls for attention');
    assert.equal(await documents.getAttribute('data-attention'), 'true');
    const officers = page.getByTestId('finding-officers').getByTestId('checklist-facts-officers');
    await shows(officers, /刘海涛.*执法证件号/, 'the handler with the certificate');
    assert.equal(await officers.getAttribute('data-attention'), 'false');
    // The facts inform; the form is the reviewer's as before.
    await pick(page, 'input-opinion', '同意');
    await page.getByTestId('input-reasons').fill('事实清楚，证据确凿，适用法律正确');
    await page.getByTestId('action-submit').click();
    await shows(page.getByTestId('review-opinion-1'), /同意/, 'the opinion recorded');
  } finally {
    await context.close();
  }
});
