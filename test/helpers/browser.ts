import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this closed-network machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Logs in through the console's login form in a fresh context (phone-like below 500 px wide). */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport, isMobile: viewport.width < 500 });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/console/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor({ timeout: 15_000, state: 'attached' });
  return { page, context };
}

/**
 * Opens an antd Select by its test id and clicks the options containing each text (several: multi-select),
 * waiting after each click until the select shows the choice. A click can be lost on a loaded machine (it
 * lands on a dropdown still opening or closing, or on options being re-rendered as they load): then the
 * dropdown is opened again and the option clicked again, never when the select already shows it (a second
 * click would take it off a multi-select).
 */
export async function pick(page: Page, testId: string, ...texts: string[]) {
  const select = page.getByTestId(testId);
  await select.click();
  for (const text of texts) {
    const chosen = select.filter({ hasText: text });
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: text,
      })
      .first();
    for (let attempt = 1; ; attempt++) {
      // Not before the first click: a placeholder may contain the text (选择处罚种类，如罚款).
      if (attempt > 1 && (await chosen.count()) > 0) break;
      if (attempt > 1 && !(await option.isVisible())) await select.click();
      await option.click({ timeout: 15_000 });
      try {
        await chosen.waitFor({ timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw new Error(`${testId}: “${text}” not chosen after ${attempt} clicks: ${e}`);
      }
    }
  }
}

/** The element's text (the DOM's textContent; blocks are not separated by newlines). */
export async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/**
 * Waits until no spinner is shown or fading out and nothing on the page is moving (screenshots taken
 * mid-fade look washed out): every finite animation and transition finished, over several frames in a
 * row, since one that ends may start the next (a modal's fade-in after its mask's).
 */
export async function settle(page: Page) {
  await page
    .locator('.ant-spin-spinning, .ant-spin-blur')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 });
  await page.evaluate(() => {
    (window as { __stillFrames?: number }).__stillFrames = 0;
  });
  await page.waitForFunction(
    () => {
      const w = window as { __stillFrames?: number };
      const moving = document
        .getAnimations()
        .some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
      w.__stillFrames = moving ? 0 : (w.__stillFrames ?? 0) + 1;
      return w.__stillFrames >= 3;
    },
    undefined,
    { polling: 'raf', timeout: 15_000 },
  );
}

/** How far the page is wider than the screen (0: no sideways scrolling). */
export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Waits until the element's text matches (pages fill in as their requests answer; an instant read can
 * catch the page mid-render), and fails naming what was expected and what was shown.
 */
export async function shows(locator: Locator, pattern: RegExp, what: string): Promise<void> {
  try {
    await locator.filter({ hasText: pattern }).first().waitFor({ timeout: 15_000 });
  } catch {
    const seen = await locator
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => '(not on the page)');
    throw new Error(`${what}: expected ${pattern}, the page shows “${seen}”`);
  }
}

/** Waits until an input holds the value (forms are filled after their first render). */
export async function holds(locator: Locator, value: string, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await locator.inputValue({ timeout: 15_000 });
    if (seen === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: expected “${value}”, the field holds “${seen}”`);
}
