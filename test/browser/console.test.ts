import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser, shows, signInAs } from '../helpers/browser.ts';
import { DEMO_PASSWORD, loggedIn, startServer, type TestServer } from '../helpers/server.ts';

// A person's path through the product, in a real browser: an agency admin logs in to the console,
// finds an officer, and the officer's badge QR code leads the public to the verification page.
const JSQR = fileURLToPath(new URL('../../node_modules/jsqr/dist/jsQR.js', import.meta.url));
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

test('log in, find an officer, follow the badge QR to the public verification page', async () => {
  const api = await loggedIn(server, 'scjg_admin');
  const officer = (await api.get('/api/officers?status=valid&auxiliary=false&pageSize=200')).body.items.find(
    (o: { isLegalReviewer: boolean }) => !o.isLegalReviewer,
  );
  assert.ok(officer, 'a valid officer in the demo agency');

  // bypassCSP only so the test can inject the QR decoder; the console itself runs under its CSP.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await desk.newPage();
  await page.goto(`${server.url}/console/`);
  await page.getByTestId('login-username').fill('scjg_admin');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor({ timeout: 15_000 });

  await page.goto(`${server.url}/console/officers`);
  await page.getByTestId('officer-search').fill(officer.name);
  await page.getByTestId('officer-search').press('Enter');
  const row = page.getByTestId(`officer-row-${officer.certificateNo}`);
  await row.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${SHOTS}officers.png` });
  await row.click();
  await page.getByTestId('badge-qr').waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${SHOTS}officer-detail.png`, fullPage: true });
  assert.match(await page.content(), new RegExp(officer.name));

  // Decode the QR image the console shows, as a phone camera would.
  await page.addScriptTag({ path: JSQR });
  const decoded = await page.evaluate(async () => {
    const img = document.querySelector('[data-testid="badge-qr"]') as HTMLImageElement;
    const svg = await (await fetch(img.src)).text();
    const pic = new Image();
    pic.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await pic.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 400;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 400, 400);
    g.drawImage(pic, 0, 0, 400, 400);
    const data = g.getImageData(0, 0, 400, 400);
    const jsQR = (
      window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }
    ).jsQR;
    return jsQR(data.data, 400, 400)?.data ?? null;
  });
  assert.equal(decoded, `${server.url}/officers/${encodeURIComponent(officer.certificateNo)}`);

  // The console's own link to the public page points at the same address.
  const href = await page.getByTestId('public-verify-link').getAttribute('href');
  assert.ok(href && decodeURIComponent(href).endsWith(`/officers/${officer.certificateNo}`), `link ${href}`);

  // The citizen opens the decoded URL on a phone, with JavaScript off: the portal still works.
  const phone = await browser.newContext({
    viewport: { width: 375, height: 740 },
    javaScriptEnabled: false,
    isMobile: true,
  });
  const citizen = await phone.newPage();
  const res = await citizen.goto(decoded!);
  assert.equal(res?.status(), 200);
  assert.equal(await citizen.getByTestId('verdict').textContent(), '✔ 执法证件有效');
  assert.equal(await citizen.getByTestId('officer-name').textContent(), officer.name);
  await citizen.screenshot({ path: `${SHOTS}public-verify-phone.png`, fullPage: true });
  // No horizontal scrolling at phone width.
  const overflow = await citizen.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 0, `page overflows a 375 px screen by ${overflow}px`);
  await phone.close();
  await desk.close();
});

test('the console is usable at phone width', async () => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/console/`);
  await page.getByTestId('login-username').fill('supervisor');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor({ timeout: 15_000, state: 'attached' });
  await page.goto(`${server.url}/console/officers`);
  await page.getByTestId('officer-search').waitFor();
  await page.screenshot({ path: `${SHOTS}officers-phone.png` });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 0, `console overflows a 375 px screen by ${overflow}px`);
  await ctx.close();
});

test('an agency admin keeps the document settings: the 案号 pattern is checked, the defaults reach the documents', async () => {
  const { page, context } = await signInAs(browser, server.url, 'scjg_admin', DEMO_PASSWORD, {
    width: 1280,
    height: 900,
  });
  try {
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      user: { agencyId: string };
    };
    await page.goto(`${server.url}/console/agencies/${me.user.agencyId}`);
    await page.getByTestId('document-settings-edit').click();
    const pattern = page.getByTestId('document-settings-pattern');
    await pattern.fill('{机关代字}案〔{年}〕号');
    await page.getByTestId('document-settings-save').click();
    await shows(
      page.locator('.ant-form-item-explain-error'),
      /案号格式须含“\{序号\}”/,
      'the server names the field',
    );
    await pattern.fill('{机关代字}案〔{年}〕第{序号}号');
    await page.getByTestId('document-settings-reviewAuthority').fill('蚌埠市人民政府');
    await page.getByTestId('document-settings-save').click();
    await page.getByTestId('document-settings-save').waitFor({ state: 'detached', timeout: 15_000 });
    const settings = (await (
      await page.request.get(`${server.url}/api/agencies/${me.user.agencyId}/document-settings`)
    ).json()) as { caseNumberPattern: string; templateOverrides: Record<string, { fields?: object }> };
    assert.equal(settings.caseNumberPattern, '{机关代字}案〔{年}〕第{序号}号', 'the pattern is saved');
    const decisionFields = (settings.templateOverrides.penalty_decision?.fields ?? {}) as Record<
      string,
      { default?: string }
    >;
    assert.equal(
      decisionFields.reviewAuthority?.default,
      '蚌埠市人民政府',
      'the 复议机关 is the decisions’ default',
    );
    await shows(page.getByTestId('document-settings'), /蚌市监案〔\d{4}〕第1号/, 'the example number');
  } finally {
    await context.close();
  }
});
