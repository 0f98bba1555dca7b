import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeUscc } from '../../src/platform/identifiers/uscc.ts';
import { holds, launchBrowser, overflow, pick, settle, shows, signInAs, text } from '../helpers/browser.ts';
import { storeEvidence } from '../helpers/records.ts';
import { DEMO_PASSWORD, loggedIn, startServer, type TestServer } from '../helpers/server.ts';

// Case handling in the console, in a real browser: an officer registers a lead, the agency head files
// it as a case with a team and a party, an auxiliary is offered no step and told why, and the
// officer submits the investigation for review; the timeline records every step. Each page offers a
// button for exactly the steps the server says the user performs.
const SHOTS = fileURLToPath(new URL('../../.test-data/screenshots/', import.meta.url));
// A step's answer on a loaded 2-core machine can take a while: wait for the page, not for a toast that
// fades after three seconds.
const WAIT = 30_000;
const DESK = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
/** The widths the document forms are looked at: a phone and a common office laptop. */
const NARROW = { width: 390, height: 844 };
const WIDE = { width: 1366, height: 900 };
const USCC = makeUscc('91340300MA2N7H3C0');
const TITLE = '涉嫌未取得食品经营许可从事食品经营活动案（浏览器测试）';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function signIn(username: string, viewport = DESK): Promise<Page> {
  const { page, context } = await signInAs(browser, server.url, username, DEMO_PASSWORD, viewport);
  contexts.push(context);
  return page;
}

const idFromUrl = (page: Page) => new URL(page.url()).pathname.split('/').pop() ?? '';

let leadId = '';
let caseId = '';

test('an officer registers a lead in the console', async () => {
  const page = await signIn('scjg_officer1');
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-new').click();
  await pick(page, 'case-new-item', 'SCJG-CF-001');
  await page.getByTestId('case-new-title').fill(TITLE);
  await pick(page, 'input-source', '投诉举报');
  await page.getByTestId('input-summary').fill('群众举报蚌山区胜利中路一餐饮公司无证经营。');
  await page.getByTestId('party-name').fill('蚌埠淮畔餐饮管理有限公司');
  await settle(page);
  await page.screenshot({ path: `${SHOTS}case-new.png`, fullPage: true });
  await page.getByTestId('case-new-submit').click();

  await page.getByTestId('case-state').waitFor({ timeout: WAIT });
  leadId = idFromUrl(page);
  assert.equal(await text(page.getByTestId('case-title')), TITLE);
  assert.equal(await text(page.getByTestId('case-state')), '已登记');
  assert.match(await text(page.getByTestId('case-event-1')), /登记案源[\s\S]*刘海涛[\s\S]*投诉举报/);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}case-lead.png`, fullPage: true });
});

test('the agency head files the lead with two officers and a party, and lands on the new case', async () => {
  assert.ok(leadId, 'the lead of the previous test');
  const page = await signIn('scjg_head');
  await page.goto(`${server.url}/console/cases?procedure=lead`);
  await page.getByTestId(`case-row-${leadId}`).click();
  await page.getByTestId('case-action-file').click();
  await pick(page, 'file-team', '刘海涛', '张晓梅');
  await page.getByTestId('file-title').click(); // closes the dropdown
  // The party comes pre-filled from the lead; the head adds its credit code.
  await holds(page.getByTestId('party-name'), '蚌埠淮畔餐饮管理有限公司', 'the party from the lead');
  await page.getByTestId('party-id-number').fill(USCC);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}case-file-modal.png` });
  await page.getByTestId('action-submit').click();

  await page.waitForURL(
    (u) => /\/console\/cases\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(leadId),
    {
      timeout: WAIT,
    },
  );
  caseId = idFromUrl(page);
  await page.getByTestId('case-state').filter({ hasText: '调查取证' }).waitFor({ timeout: WAIT });
  await shows(page.getByTestId('case-party'), new RegExp(USCC), 'the party card');
  await shows(page.getByTestId('case-team'), /刘海涛[\s\S]*张晓梅|张晓梅[\s\S]*刘海涛/, 'the team card');
  // The 90-day decision limit runs from filing (行政处罚法 art. 60).
  await shows(
    page.getByTestId('case-clock-decision'),
    /作出处罚决定期限[\s\S]*剩余 \d+ 日/,
    'the decision clock',
  );

  // The lead now reads 已立案, with the filing on its timeline.
  await page.goto(`${server.url}/console/cases/${leadId}`);
  await page.getByTestId('case-state').filter({ hasText: '已立案' }).waitFor({ timeout: WAIT });
  await shows(
    page.getByTestId('case-event-2'),
    /立案[\s\S]*已登记 → 已立案[\s\S]*高志刚/,
    'the filing on the lead',
  );
});

/**
 * The action buttons are exactly the steps the server marks `mine` for this user (the rules' own check
 * of who performs a step): the console decides nothing about who may act.
 */
async function buttonsAreTheServers(page: Page, id: string) {
  await page.getByTestId('case-actions').waitFor({ timeout: WAIT });
  const answer = await page.request.get(`${server.url}/api/cases/${id}`);
  const c = (await answer.json()) as { actions: { action: string; mine: boolean }[] };
  const shown = await page
    .locator('[data-testid^="case-action-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.slice('case-action-'.length)));
  const mine = c.actions.filter((a) => a.mine).map((a) => a.action);
  assert.deepEqual([...shown].sort(), [...mine].sort(), 'buttons = the steps the server says are mine');
  return c;
}

test('an auxiliary is offered no step: the card names who performs each and why not them (phone width)', async () => {
  assert.ok(caseId, 'the case filed by an earlier test');
  const page = await signIn('scjg_aux', PHONE);
  await page.goto(`${server.url}/console/cases/${caseId}`);
  const c = await buttonsAreTheServers(page, caseId);
  assert.ok(c.actions.length > 0 && c.actions.every((a) => !a.mine), 'the server gives an auxiliary no step');
  assert.equal(await page.getByTestId('case-action-submit_for_review').count(), 0);
  await page.getByTestId('case-actions-none-mine').waitFor({ timeout: WAIT });
  assert.match(
    await text(page.getByTestId('case-waiting-submit_for_review').locator('..')),
    /由承办执法人员办理：[\s\S]*调查终结，提交审核/,
  );
  assert.match(
    await text(page.getByTestId('case-actions-why-not')),
    /执法辅助人员不得独立执法或签署执法文书/,
  );
  assert.equal(await page.getByTestId('document-new').count(), 0, 'an auxiliary signs no document');
  await settle(page);
  await page.screenshot({ path: `${SHOTS}case-aux-phone.png`, fullPage: true });
  assert.ok((await overflow(page)) <= 0, `case page overflows a 375 px screen by ${await overflow(page)}px`);
});

test('the assigned officer submits the investigation for review; the timeline shows each step', async () => {
  assert.ok(caseId, 'the case filed by an earlier test');
  // 行政处罚法 art. 40: the investigation ends with evidence on file (uploaded as the records tests do).
  await storeEvidence(await loggedIn(server, 'scjg_officer1'), caseId);
  const page = await signIn('scjg_officer1');
  await page.goto(`${server.url}/console/cases?mine=true&open=true`);
  const row = page.getByTestId(`case-row-${caseId}`);
  await row.waitFor({ timeout: WAIT });
  assert.match(await text(row), /普通程序[\s\S]*调查取证[\s\S]*剩余 \d+ 日/);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}cases.png` });
  await row.click();
  await buttonsAreTheServers(page, caseId);
  await page.getByTestId('case-action-submit_for_review').click();
  await page.getByTestId('action-submit').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="case-state"]')?.textContent === '案件审核',
    undefined,
    { timeout: WAIT },
  );
  assert.match(await text(page.getByTestId('case-event-1')), /立案（普通程序）[\s\S]*调查取证/);
  assert.match(
    await text(page.getByTestId('case-event-2')),
    /调查终结，提交审核[\s\S]*调查取证 → 案件审核[\s\S]*刘海涛/,
  );
  await page.getByTestId('case-action-notify_rights').waitFor({ timeout: WAIT });
  await settle(page);
  await page.screenshot({ path: `${SHOTS}case-detail.png`, fullPage: true });

  // The same pages at phone width: no sideways scrolling.
  const phone = await signIn('scjg_officer1', PHONE);
  await phone.goto(`${server.url}/console/cases`);
  await phone.getByTestId(`case-row-${caseId}`).waitFor({ timeout: WAIT });
  await settle(phone);
  await phone.screenshot({ path: `${SHOTS}cases-phone.png`, fullPage: true });
  assert.ok(
    (await overflow(phone)) <= 0,
    `case list overflows a 375 px screen by ${await overflow(phone)}px`,
  );
  await phone.getByTestId(`case-row-${caseId}`).click();
  await phone.getByTestId('case-event-2').waitFor({ timeout: WAIT });
  await settle(phone);
  await phone.screenshot({ path: `${SHOTS}case-detail-phone.png`, fullPage: true });
  assert.ok(
    (await overflow(phone)) <= 0,
    `case detail overflows a 375 px screen by ${await overflow(phone)}px`,
  );
  await phone.goto(`${server.url}/console/cases/new`);
  await phone.getByTestId('case-new-title').waitFor();
  await settle(phone);
  await phone.screenshot({ path: `${SHOTS}case-new-phone.png`, fullPage: true });
  assert.ok(
    (await overflow(phone)) <= 0,
    `new-case form overflows a 375 px screen by ${await overflow(phone)}px`,
  );
});

/** Beijing's date today (YYYY-MM-DD), as the server dates documents. */
const todayInBeijing = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** A document field of the open form, by its key (`doc-field-<key>`). */
const field = (page: Page, key: string) => page.getByTestId(`doc-field-${key}`);

/** Turns on 同时签发文书 unless the step requires its document (the switch is then on and fixed). */
async function issueWithStep(page: Page) {
  const toggle = page.getByTestId('issue-document');
  if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
}

/** Types a value into an antd date (and time) picker and confirms it. */
async function pickDate(page: Page, key: string, value: string) {
  const input = field(page, key);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await holds(input, value, `the picker ${key}`);
}

/** Waits until the live preview answered for what the form holds now, and returns the page's text. */
async function previewShows(page: Page, pattern: RegExp, what: string): Promise<string> {
  await shows(page.getByTestId('doc-preview'), pattern, what);
  return text(page.getByTestId('doc-preview'));
}

/**
 * What a user sees holds no JSON, no amounts in fen and no field keys: the document is a form and a page.
 */
async function noJsonOnScreen(page: Page) {
  const seen = await page.locator('body').innerText();
  assert.ok(!seen.includes('{"') && !seen.includes('":'), 'no JSON on screen');
  const key =
    /\b(fineFen|confiscatedIncomeFen|reviewAuthority|violatedProvision|penaltyBasis|certificateNo|uscc|facts|findings)\b/.exec(
      seen,
    );
  assert.equal(key, null, `no field key on screen: ${key?.[0]}`);
  assert.ok(!/单位为分|（分）/.test(seen), 'no amounts in fen on screen');
  assert.ok(!/[（(]\d{3}:\d+/.test(seen), 'no requirement ids such as (000:11) on screen');
}

/**
 * How far anything in the open modal reaches past the screen's right edge (antd's scroll lock shifts the
 * page behind an open modal on a phone, so the page's own overflow says nothing about the modal).
 */
async function modalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rights = [...document.querySelectorAll('.ant-modal-container, .ant-modal-container *')].map(
      (e) => e.getBoundingClientRect().right,
    );
    return Math.ceil(Math.max(0, ...rights) - window.innerWidth);
  });
}

/** Screenshot of the open modal in full: the viewport grows to its height for the shot, then shrinks back. */
async function shootModal(page: Page, path: string) {
  const size = page.viewportSize() ?? DESK;
  const box = await page.locator('.ant-modal').last().boundingBox();
  const scroll = await page
    .locator('.ant-modal-wrap')
    .last()
    .evaluate((e) => e.scrollHeight);
  await page.setViewportSize({
    width: size.width,
    height: Math.max(size.height, Math.ceil(Math.max(scroll, (box?.height ?? 0) + 120))),
  });
  await settle(page);
  await page.screenshot({ path });
  await page.setViewportSize(size);
}

test('documents: a stand-alone record is refused until complete, then issued with PDF and public check', async () => {
  assert.ok(caseId, 'the case filed by an earlier test');
  // The same form at phone width: the page under the form, nothing wider than the screen.
  const phone = await signIn('scjg_officer1', NARROW);
  await phone.goto(`${server.url}/console/cases/${caseId}`);
  await phone.getByTestId('document-new').click();
  await previewShows(phone, /现场检查（勘验）笔录/, 'the record laid out at phone width');
  await shows(phone.getByTestId('doc-problems'), /不能为空/, 'what is missing, above the page');
  await noJsonOnScreen(phone);
  await shootModal(phone, `${SHOTS}case-document-modal-phone.png`);
  assert.ok(
    (await modalOverflow(phone)) <= 0,
    `the document form overflows 390 px by ${await modalOverflow(phone)}px`,
  );

  const page = await signIn('scjg_officer1', WIDE);
  await page.goto(`${server.url}/console/cases/${caseId}`);
  await page.getByTestId('document-new').click();
  // The form comes pre-filled from the case (party, officers); the times, place and findings are not.
  await shows(
    field(page, 'party'),
    new RegExp(`蚌埠淮畔餐饮管理有限公司[\\s\\S]*${USCC}`),
    'the party, as the case records it',
  );
  await shows(field(page, 'officers'), /刘海涛[\s\S]*张晓梅|张晓梅[\s\S]*刘海涛/, 'the team as the officers');
  await page.getByTestId('document-submit').click();
  const refusal = page.getByTestId('action-refusal');
  await refusal.waitFor({ timeout: WAIT });
  assert.match(await text(refusal), /不能为空/);
  const today = todayInBeijing();
  await pickDate(page, 'startTime', `${today} 00:10`);
  await pickDate(page, 'endTime', `${today} 00:40`);
  await field(page, 'place').fill('安徽省蚌埠市蚌山区胜利中路88号');
  await field(page, 'findings').fill('当事人经营场所内陈列预包装食品23个品种，未能出示《食品经营许可证》。');
  await previewShows(page, /胜利中路88号[\s\S]*未能出示《食品经营许可证》/, 'the page with what was typed');
  await page.getByTestId('doc-problems-none').waitFor({ timeout: WAIT });
  await noJsonOnScreen(page);
  await shootModal(page, `${SHOTS}case-document-modal-wide.png`);
  await page.getByTestId('document-submit').click();
  const doc = page.locator('[data-testid^="case-document-"]').first();
  await doc.waitFor({ timeout: WAIT });
  assert.match(await text(doc), /现场检查（勘验）笔录[\s\S]*下载 PDF[\s\S]*公开核验/);
  const pdfHref = await doc.getByText('下载 PDF').getAttribute('href');
  assert.match(pdfHref ?? '', /^\/api\/documents\/[0-9a-f-]{36}\/pdf$/);
  const pdf = await page.request.get(`${server.url}${pdfHref}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const publicHref = await doc.getByText('公开核验').getAttribute('href');
  const check = await page.request.get(`${server.url}${publicHref}`);
  assert.match(await check.text(), /文书真实有效/);
});

test('the rights notice: penalty entered in yuan, sent in fen, the 告知书 issued and numbered in the same step', async () => {
  assert.ok(caseId, 'the case filed by an earlier test');
  // The head approves the proposed penalty first (审批拟处罚意见), entered in yuan, with an opinion.
  const head = await signIn('scjg_head');
  await head.goto(`${server.url}/console/cases/${caseId}`);
  await buttonsAreTheServers(head, caseId);
  await head.getByTestId('case-action-approve_proposal').click();
  await pick(head, 'penalty-kinds', '罚款');
  await head.locator('.ant-modal-title').click();
  await head.getByTestId('penalty-fineYuan').fill('5000');
  await head.getByTestId('input-opinion').fill('同意承办人员的拟处罚意见。');
  await head.getByTestId('action-submit').click();
  await head.getByTestId('case-event-3').waitFor({ timeout: WAIT });
  await shows(
    head.getByTestId('case-event-3'),
    /审批拟处罚意见[\s\S]*高志刚[\s\S]*负责人审批意见：同意承办人员的拟处罚意见/,
    'the approval on the timeline, with the opinion labelled in Chinese',
  );
  await shows(
    head.getByTestId('case-event-3'),
    /处罚内容：罚款 5,000\.00 元/,
    'the approved penalty in yuan',
  );
  const approved = (await (await head.request.get(`${server.url}/api/cases/${caseId}`)).json()) as {
    snapshot: { approvedProposal: { penalty: { fineFen: number } } };
  };
  assert.equal(approved.snapshot.approvedProposal.penalty.fineFen, 500_000, 'sent in fen');

  const openNotice = async (page: Page) => {
    await page.goto(`${server.url}/console/cases/${caseId}`);
    await page.getByTestId('case-action-notify_rights').click();
    await page.getByTestId('penalty-kinds').waitFor();
    // The form starts from the approved proposal; the notice must announce exactly that.
    if (!(await page.getByTestId('penalty-fineYuan').isVisible())) {
      await pick(page, 'penalty-kinds', '罚款');
      await page.locator('.ant-modal-title').click(); // closes the dropdown; the date is pre-filled
    }
    await page.getByTestId('penalty-fineYuan').fill('5000');
    await issueWithStep(page);
    // The notice is drafted from the case and the step: the fine in yuan, the evidence on record.
    await holds(field(page, 'fineFen'), '5000.00', 'the fine of the step, in yuan');
  };
  const phone = await signIn('scjg_officer1', NARROW);
  await openNotice(phone);
  await previewShows(phone, /行政处罚事先告知书[\s\S]*5,?000/, 'the notice laid out at phone width');
  await noJsonOnScreen(phone);
  await shootModal(phone, `${SHOTS}case-notify-modal-phone.png`);
  assert.ok(
    (await modalOverflow(phone)) <= 0,
    `the notice form overflows 390 px by ${await modalOverflow(phone)}px`,
  );

  const page = await signIn('scjg_officer1', WIDE);
  await openNotice(page);
  await holds(field(page, 'evidence-0'), '现场检查（勘验）笔录', 'the record issued before, as evidence');
  const facts = '2026年2月10日起，当事人未取得《食品经营许可证》在其经营场所销售预包装食品。';
  await field(page, 'facts').fill(facts);
  await field(page, 'contactPhone').fill('0552-2091234');
  // A changed penalty is written into the notice again; what the officer typed stays.
  await page.getByTestId('penalty-fineYuan').fill('6000');
  await holds(field(page, 'fineFen'), '6000.00', 'the new fine, drafted again');
  await page.getByTestId('penalty-fineYuan').fill('5000');
  await holds(field(page, 'fineFen'), '5000.00', 'the fine back to 5000');
  assert.equal(await field(page, 'facts').inputValue(), facts, 'the facts typed survive a new draft');
  await previewShows(
    page,
    /未取得《食品经营许可证》在其经营场所销售预包装食品[\s\S]*0552-2091234/,
    'the page',
  );
  await page.getByTestId('doc-problems-none').waitFor({ timeout: WAIT });
  await noJsonOnScreen(page);
  await shootModal(page, `${SHOTS}case-notify-modal.png`);
  await page.getByTestId('action-submit').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="case-state"]')?.textContent === '告知（陈述申辩期）',
    undefined,
    { timeout: WAIT },
  );
  assert.match(await text(page.getByTestId('case-event-4')), /告知拟处罚内容及权利[\s\S]*罚款 5,000\.00 元/);
  const docs = await page.locator('[data-testid^="case-document-"]').allTextContents();
  assert.ok(
    docs.some((t) => /行政处罚事先告知书.*罚告〔\d{4}〕\d+号/.test(t)),
    `the notice with its number: ${docs.join(' | ')}`,
  );
  await page.getByTestId('case-clock-statementDefence').waitFor({ timeout: WAIT });
  await settle(page);
  await page.screenshot({ path: `${SHOTS}case-detail-notified.png`, fullPage: true });
});

test('to the decision: the rights period closes on a written waiver, the head decides and the 决定书 is numbered and sealed', async () => {
  assert.ok(caseId, 'the case filed by an earlier test');
  const officer2 = await signIn('scjg_officer2');
  await officer2.goto(`${server.url}/console/cases/${caseId}`);
  await officer2.getByTestId('case-action-close_rights_period').click();
  await officer2.getByTestId('input-waived').click();
  await officer2.getByTestId('input-waiverRef').fill('当事人书面声明放弃陈述、申辩和听证');
  await officer2.getByTestId('action-submit').click();
  await officer2
    .waitForFunction(
      () => document.querySelector('[data-testid="case-state"]')?.textContent === '待决定',
      undefined,
      { timeout: WAIT },
    )
    .catch(async () => {
      // The label of decision_pending is the table's; accept any state past the rights notice.
      assert.notEqual(await text(officer2.getByTestId('case-state')), '告知（陈述申辩期）');
    });

  const head = await signIn('scjg_head');
  await head.goto(`${server.url}/console/cases/${caseId}`);
  await buttonsAreTheServers(head, caseId);
  await head.getByTestId('case-action-decide').click();
  await head.getByTestId('penalty-kinds').waitFor();
  // The form starts from the penalty the rights notice announced (art. 45: the decision may not be heavier).
  if (!(await head.getByTestId('penalty-fineYuan').isVisible())) {
    await pick(head, 'penalty-kinds', '罚款');
    await head.locator('.ant-modal-title').click();
  }
  await head.getByTestId('penalty-fineYuan').fill('5000');
  await issueWithStep(head);
  await holds(field(head, 'fineFen'), '5000.00', 'the decided fine, in yuan');
  // The facts and provisions come from the rights notice (art. 45); what only a person knows — the
  // 复议机关 and the court — is typed in.
  assert.match(await field(head, 'facts').inputValue(), /未取得《食品经营许可证》/, "the notice's facts");
  const { SAMPLE_DATA } = await import('../../src/modules/cases/documents/samples.ts');
  const sample = SAMPLE_DATA.penalty_decision as Record<string, unknown>;
  for (const key of ['violatedProvision', 'penaltyBasis', 'reviewAuthority', 'court']) {
    if (!(await field(head, key).inputValue())) await field(head, key).fill(String(sample[key]));
  }
  await head.getByTestId('doc-problems-none').waitFor({ timeout: WAIT });
  await noJsonOnScreen(head);
  await shootModal(head, `${SHOTS}case-decide-modal.png`);
  await head.getByTestId('action-submit').click();
  await head.waitForFunction(
    () => document.querySelector('[data-testid="case-state"]')?.textContent === '已决定（待送达）',
    undefined,
    { timeout: WAIT },
  );
  assert.match(await text(head.getByTestId('case-number')), /^蚌市监处罚〔\d{4}〕\d+号$/);
  const docs = await head.locator('[data-testid^="case-document-"]').allTextContents();
  assert.ok(
    docs.some((t) => /行政处罚决定书/.test(t)),
    `the decision among the documents: ${docs.join(' | ')}`,
  );
  await settle(head);
  await head.screenshot({ path: `${SHOTS}case-decided.png`, fullPage: true });
});

test('to the archive through the forms: the 送达回证 with the service, the 结案审批表 with the closing, the file locked', async () => {
  assert.ok(caseId, 'the case filed by an earlier test');
  const page = await signIn('scjg_officer1', WIDE);
  await page.goto(`${server.url}/console/cases/${caseId}`);

  // The 立案审批表, on its own: everything in it comes from the lead and the filing.
  await page.getByTestId('document-new').click();
  await pick(page, 'document-kind', '立案审批表');
  await previewShows(page, /立案审批表[\s\S]*投诉举报/, 'the filing form, from the lead');
  await page.getByTestId('doc-problems-none').waitFor({ timeout: WAIT });
  await noJsonOnScreen(page);
  await page.getByTestId('document-submit').click();
  await shows(
    page.locator('[data-testid^="case-document-"]').filter({ hasText: '立案审批表' }),
    /立案审批表/,
    'the filing form among the documents',
  );

  // Service: the receipt is drafted with the step's method and day.
  await page.getByTestId('case-action-serve').click();
  await pick(page, 'input-method', '直接送达');
  await page.locator('.ant-modal-title').click();
  await issueWithStep(page);
  await holds(field(page, 'recipient'), '蚌埠淮畔餐饮管理有限公司', 'the recipient is the party');
  await field(page, 'servicePlace').fill('安徽省蚌埠市蚌山区胜利中路88号');
  await page.getByTestId('doc-problems-none').waitFor({ timeout: WAIT });
  await noJsonOnScreen(page);
  await page.getByTestId('action-submit').click();
  await shows(page.getByTestId('case-state'), /已送达/, 'served');

  await page.getByTestId('case-action-record_execution').click();
  await page.getByTestId('input-paidFen').fill('5000');
  await page.getByTestId('action-submit').click();
  await shows(page.getByTestId('case-state'), /执行完毕/, 'paid');

  // Closing by the head: the 结案审批表 says what was decided and how it was carried out, in 元.
  const head = await signIn('scjg_head', WIDE);
  await head.goto(`${server.url}/console/cases/${caseId}`);
  await head.getByTestId('case-action-close').click();
  await issueWithStep(head);
  await holds(field(head, 'decisionSummary'), '罚款人民币5,000.00元。', 'the decided penalty, in 元');
  await previewShows(head, /结案审批表[\s\S]*缴清罚没款人民币5,000\.00元/, 'the closing form laid out');
  // The form is the head's approval: it names the head taking the step, and waits for their opinion.
  await holds(field(head, 'agencyHead'), '高志刚', 'the approver is the head taking the step');
  await shows(head.getByTestId('doc-problems'), /机关负责人意见不能为空/, 'the empty opinion named');
  await field(head, 'agencyHeadOpinion').fill('同意结案。');
  await head.getByTestId('doc-problems-none').waitFor({ timeout: WAIT });
  await noJsonOnScreen(head);
  await head.getByTestId('action-submit').click();
  await shows(head.getByTestId('case-state'), /已结案/, 'closed');

  await page.goto(`${server.url}/console/cases/${caseId}`);
  await page.getByTestId('case-action-archive').click();
  await page.getByTestId('action-submit').click();
  await page
    .getByTestId('case-state')
    .filter({ hasText: '已归档' })
    .or(page.getByTestId('action-refusal'))
    .first()
    .waitFor({ timeout: WAIT });
  const refused = page.getByTestId('action-refusal');
  assert.equal(await refused.count(), 0, `archiving refused: ${await refused.textContent().catch(() => '')}`);
  await shows(page.getByTestId('case-state'), /已归档/, 'the file complete and locked');
  await noJsonOnScreen(page);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}case-archived.png`, fullPage: true });
});
