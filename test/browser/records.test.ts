import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoPng } from '../../src/demo/media.ts';
import { launchBrowser, overflow, pick, settle, signInAs, text } from '../helpers/browser.ts';
import { DEMO_PASSWORD, loggedIn, startServer, type TestServer } from '../helpers/server.ts';

// Whole-process records in the console, in a real browser: a field officer on a phone uploads a photo
// of an investigation through the resumable (tus) form, sees it listed with its metadata and SM3, and
// opens it; the agency head finds the opening in the access log, the demo's spot check with its
// coverage, and the device register.
const SHOTS = fileURLToPath(new URL('../../.test-data/screenshots/', import.meta.url));
const DESK = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const TITLE = '现场照片：冷柜内的过期面包（浏览器测试）';
const PLACE = '安徽省蚌埠市禹会区涂山路55号';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let caseId = '';
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  // The demo case under investigation (麦香坊食品店), handled by scjg_officer1 and scjg_officer2.
  const api = await loggedIn(server, 'scjg_officer1');
  const cases = (await api.get('/api/cases?procedure=ordinary&pageSize=100')).body.items as {
    id: string;
    state: string;
    title: string;
  }[];
  caseId = cases.find((c) => c.state === 'investigation' && c.title.includes('麦香坊'))?.id ?? '';
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

/** Waits until the antd Select shows a value matching `want`, or fails naming what it shows. */
async function selected(page: Page, testId: string, want: RegExp) {
  const select = page.getByTestId(testId);
  await select
    .filter({ hasText: want })
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  assert.match(await text(select), want);
}

const png = demoPng(4242, 64, 48);
let evidenceId = '';

test('a field officer uploads a photo through the resumable form on a phone, sees it listed and opens it', async () => {
  assert.ok(caseId, 'the demo case under investigation');
  const page = await signIn('scjg_officer1', PHONE);
  await page.goto(`${server.url}/console/cases/${caseId}`);
  const card = page.getByTestId('case-evidence');
  await card.waitFor({ timeout: 15_000 });
  await page.getByTestId('evidence-new').click();
  const form = page.getByTestId('evidence-form');
  await form.waitFor();

  await form
    .locator('input[type=file]')
    .setInputFiles({ name: 'IMG_0412.png', mimeType: 'image/png', buffer: png });
  await page.getByTestId('evidence-title').fill(TITLE);
  await page.getByTestId('evidence-location').locator('input').fill(PLACE);
  // Filled in for the officer: the step the next action needs, the type from the file, the camera the
  // officer holds, the officer, the time.
  assert.match(await text(form), /调查取证（当前环节）/);
  assert.match(await text(form), /照片/);
  assert.match(await text(form), /SCJG-JLY-001/);
  assert.match(await text(form), /刘海涛/);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}evidence-upload-phone.png`, fullPage: true });
  assert.ok(
    (await overflow(page)) <= 0,
    `the upload form overflows a 375 px screen by ${await overflow(page)}px`,
  );

  // A refusal comes back in the server's words: the retired camera cannot have taken a photo today.
  await pick(page, 'evidence-device', 'SCJG-JLY-000');
  await selected(page, 'evidence-device', /SCJG-JLY-000/);
  await page.getByTestId('evidence-submit').click();
  const refusal = page.getByTestId('evidence-error');
  await refusal.waitFor({ timeout: 15_000 });
  assert.match(await text(refusal), /该设备在拍摄时间之前已停用/);
  await pick(page, 'evidence-device', 'SCJG-JLY-001');
  // The select must show the new camera before submitting (the dropdown reopens with an animation).
  await selected(page, 'evidence-device', /SCJG-JLY-001/);

  const uploaded = page.waitForResponse(
    (r) => r.url().includes('/api/uploads/') && r.request().method() === 'PATCH' && r.status() === 201,
    { timeout: 30_000 },
  );
  await page.getByTestId('evidence-submit').click();
  const answer = await (await uploaded).json();
  evidenceId = answer.id;
  assert.equal(answer.size, png.length);
  assert.match(answer.contentHash, /^[0-9a-f]{64}$/);

  const item = page.getByTestId(`evidence-${evidenceId}`);
  await item.waitFor({ timeout: 15_000 });
  const shown = await text(item);
  assert.match(shown, new RegExp(TITLE.replace(/[()（）]/g, '.')));
  assert.match(shown, /照片[\s\S]*调查取证/);
  assert.match(shown, /SCJG-JLY-001[\s\S]*刘海涛[\s\S]*涂山路55号/);
  assert.match(shown, new RegExp(`IMG_0412\\.png · ${png.length} B · SM3 ${answer.contentHash.slice(0, 8)}`));
  assert.doesNotMatch(shown, /超过24小时上传/);
  // The demo's earlier photo of this case was uploaded two days after it was taken.
  assert.equal(await page.locator('[data-testid^="evidence-late-"]').count(), 1);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}evidence-listed-phone.png`, fullPage: true });
  assert.ok(
    (await overflow(page)) <= 0,
    `the evidence list overflows a 375 px screen by ${await overflow(page)}px`,
  );

  // 打开: the photo in a new tab, exactly the bytes uploaded.
  const opening = page.context().waitForEvent('response', {
    predicate: (r) => r.url().includes(`/api/evidence/${evidenceId}/content`),
    timeout: 15_000,
  });
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByTestId(`evidence-open-${evidenceId}`).click(),
  ]);
  const opened = await opening;
  assert.match(popup.url(), new RegExp(`/api/evidence/${evidenceId}/content$`));
  assert.equal(opened.status(), 200);
  assert.equal(opened.headers()['content-type'], 'image/png');
  assert.equal(opened.headers()['x-content-sm3'], answer.contentHash);
  assert.deepEqual(Buffer.from(await opened.body()), png);

  // The receipt is public: the ledger entry of the upload.
  const receipt = await page.request.get(
    `${server.url}${await page.getByTestId(`evidence-receipt-${evidenceId}`).getAttribute('href')}`,
  );
  assert.equal(receipt.status(), 200);
  assert.match(receipt.headers()['content-disposition'] ?? '', /attachment/);
});

test('the agency head sees the opening in the access log, the demo spot check with its coverage, and the devices', async () => {
  assert.ok(evidenceId, 'the upload of the previous test');
  const page = await signIn('scjg_head');

  await page.goto(`${server.url}/console/records/access?caseId=${caseId}`);
  const row = page.locator('.ant-table-row').first();
  await row.waitFor({ timeout: 15_000 });
  // Named as a clerk reads it: the reader by name and role, the record by its title, the case by its
  // title (a link), and no id anywhere.
  const shownRow = await text(row);
  assert.match(shownRow, /刘海涛[\s\S]*执法人员[\s\S]*冷柜内的过期面包[\s\S]*证据\/音像记录[\s\S]*打开/);
  assert.match(await text(row.getByTestId('access-case')), /麦香坊/);
  assert.match(await text(page.getByTestId('access-filter-case')), /仅显示本案：.*麦香坊/);
  assert.doesNotMatch(shownRow, /[0-9a-f]{8}|undefined|null/);

  // The menu's 记录监督 group is open on its pages.
  await page.getByTestId('nav-spot-checks').click();
  const check = page.locator('[data-testid^="spot-check-row-"]').first();
  await check.waitFor({ timeout: 15_000 });
  assert.match(await text(check), /蚌埠市市场监督管理局[\s\S]*1 件[\s\S]*1 件[\s\S]*1 \/ 1/);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}spot-checks.png`, fullPage: true });
  await check.click();
  // The list page shows the coverage of a new check's period too (this month so far): wait for the
  // detail page, or the assertion may read the list's card (it did, in a month's first ten days).
  await page.waitForURL(/\/spot-checks\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await page.getByText('惠民乐购超市销售过期酸奶').first().waitFor({ timeout: 15_000 });
  const coverage = page.getByTestId('spot-check-coverage');
  await coverage.waitFor({ timeout: 15_000 });
  assert.match(await text(coverage), /已抽查 1 件，覆盖率 100%[\s\S]*已达到要求/);
  await page.getByText(/要求抽查面不少于 60%/).waitFor({ timeout: 15_000 });
  const sample = page.locator('[data-testid^="spot-check-item-"]').first();
  assert.match(await text(sample), /惠民乐购超市销售过期酸奶[\s\S]*规范[\s\S]*文书齐全/);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}spot-check-detail.png`, fullPage: true });

  // The sampled file: the locked 案卷, in order, intact.
  await sample.getByText('查看案卷').click();
  await page.getByTestId('case-file-intact').waitFor({ timeout: 15_000 });
  assert.equal(await text(page.getByTestId('case-file-intact')), '卷内目录与锁定时一致');
  assert.match(await text(page.getByTestId('case-file-item-1')), /1[\s\S]*文书[\s\S]*立案审批表/);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}case-file.png`, fullPage: true });

  await page.getByTestId('nav-devices').click();
  const camera = page.getByTestId('device-row-SCJG-JLY-001');
  await camera.waitFor({ timeout: 15_000 });
  assert.match(await text(camera), /执法记录仪[\s\S]*在用[\s\S]*刘海涛/);
  assert.match(await text(page.getByTestId('device-row-SCJG-JLY-000')), /已停用/);
  await page.getByTestId('device-register').waitFor({ timeout: 15_000 });
  await camera.click();
  await page.getByTestId('device-holder').waitFor({ timeout: 15_000 });
  assert.match(await text(page.getByTestId('device-holder')), /刘海涛/);
  // The device's own answer says the head may hand it out, take it back or retire it.
  await page.getByTestId('device-assign').waitFor({ timeout: 15_000 });
  await page.getByTestId('device-retire').waitFor({ timeout: 15_000 });
  await page.getByTestId(`evidence-${evidenceId}`).waitFor({ timeout: 15_000 });
  await settle(page);
  await page.screenshot({ path: `${SHOTS}device-detail.png`, fullPage: true });
});

test('an interrupted upload continues where it stopped, even after the page was reloaded', async () => {
  assert.ok(caseId);
  // A file on disk, so that choosing it again gives the same file (name, size, modification time).
  const dir = mkdtempSync(join(tmpdir(), 'mingjing-video-'));
  const video = join(dir, 'VID_0412.mp4');
  writeFileSync(video, Buffer.alloc(6 * 1024 * 1024, 7));
  let stalling = true;
  let stall: Promise<void> | null = null;
  let paused = () => {};
  const offsets: string[] = [];
  try {
    const page = await signIn('scjg_officer1', PHONE);
    // The network stalls after the first 5 MiB chunk: the next chunk is held until the officer has
    // paused (which aborts it in the browser), so the pause always falls in the middle of the upload.
    await page.route('**/api/uploads/**', async (route) => {
      if (route.request().method() === 'PATCH') {
        offsets.push(route.request().headers()['upload-offset'] ?? '');
        if (stalling) {
          const held = stall;
          stall ??= new Promise<void>((r) => {
            paused = r;
          });
          if (held) await held;
        }
      }
      await route.continue().catch(() => undefined);
    });
    await page.goto(`${server.url}/console/cases/${caseId}`);
    await page.getByTestId('evidence-new').click();
    await page.locator('[data-testid=evidence-form] input[type=file]').setInputFiles(video);
    await page.getByTestId('evidence-title').fill('执法记录仪录像：现场检查全过程');
    await page.getByTestId('evidence-location').locator('input').fill(PLACE);
    // The first chunk is stored only when the server has answered its PATCH: the pause must come after.
    const firstChunk = page.waitForResponse(
      (r) => r.url().includes('/api/uploads/') && r.request().method() === 'PATCH' && r.status() === 204,
      { timeout: 20_000 },
    );
    await page.getByTestId('evidence-submit').click();
    assert.equal((await firstChunk).headers()['upload-offset'], String(5 * 1024 * 1024));
    await page.waitForFunction(
      () =>
        /已上传 5\.00 MiB/.test(document.querySelector('[data-testid=evidence-progress]')?.textContent ?? ''),
      undefined,
      { timeout: 15_000 },
    );
    await page.getByTestId('evidence-pause').click();
    await page.getByTestId('evidence-progress').waitFor({ state: 'detached' });

    // The phone's browser was closed: the officer comes back and chooses the same file.
    stalling = false;
    paused();
    offsets.length = 0;
    await page.reload();
    await page.getByTestId('evidence-new').click();
    await page.locator('[data-testid=evidence-form] input[type=file]').setInputFiles(video);
    await page.getByTestId('evidence-restored').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('evidence-title').inputValue(), '执法记录仪录像：现场检查全过程');
    await settle(page);
    await page.screenshot({ path: `${SHOTS}evidence-resume-phone.png`, fullPage: true });
    const finished = page.waitForResponse(
      (r) => r.url().includes('/api/uploads/') && r.request().method() === 'PATCH' && r.status() === 201,
      { timeout: 20_000 },
    );
    await page.getByTestId('evidence-submit').click();
    const answer = await (await finished).json();
    assert.equal(answer.size, 6 * 1024 * 1024);
    assert.equal(answer.mediaType, 'video');
    assert.equal(offsets[0], String(5 * 1024 * 1024), 'the second attempt started at the first chunk’s end');
    await page.getByTestId(`evidence-${answer.id}`).waitFor({ timeout: 15_000 });
  } finally {
    paused();
    rmSync(dir, { recursive: true, force: true });
  }
});
