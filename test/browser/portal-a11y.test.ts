import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { queryRows } from '../../src/platform/db/index.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

// Every portal page through axe-core (WCAG 2.1 A/AA rules), at phone and desk width: no serious or
// critical violation. Add a new portal page to PAGES. (The pages ship no JavaScript; axe needs it to run,
// so it is injected through the protocol. test/browser/portal.test.ts reads them with JavaScript off.)

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** What the pages need from the demo: an agency, a certificate, an issued document. */
interface Fixtures {
  agencyId: string;
  certificateNo: string;
  documentId: string;
  decisionId: string;
  itemId: string;
}

/** Every portal page: its name, address and status. */
const PAGES: { name: string; path: (f: Fixtures) => string; status?: number }[] = [
  { name: 'home', path: () => '/' },
  { name: 'agencies', path: () => '/agencies' },
  { name: 'agency', path: (f) => `/agencies/${f.agencyId}` },
  { name: 'officers', path: () => '/officers' },
  { name: 'officers (no results)', path: () => `/officers?q=${encodeURIComponent('查无此人')}` },
  { name: 'officers (past the last page)', path: () => '/officers?page=9', status: 404 },
  { name: 'officer', path: (f) => `/officers/${encodeURIComponent(f.certificateNo)}` },
  { name: 'ledger', path: () => '/ledger' },
  { name: 'verify', path: () => '/verify' },
  { name: 'document', path: (f) => `/documents/${f.documentId}` },
  { name: 'not found', path: () => '/nope', status: 404 },
  { name: 'open API', path: () => '/open-api' },
  { name: 'decisions', path: () => '/decisions' },
  { name: 'decision', path: (f) => `/decisions/${f.decisionId}` },
  { name: 'open data', path: () => '/open-data' },
  { name: 'withdrawn decisions', path: () => '/decisions?view=withdrawn' },
  { name: 'item list', path: (f) => `/agencies/${f.agencyId}/items` },
  { name: 'random inspection items', path: (f) => `/agencies/${f.agencyId}/items?random=1` },
  { name: 'service guide', path: (f) => `/items/${f.itemId}` },
];

let server: TestServer;
let browser: Browser;
const f = {} as Fixtures;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const html = async (p: string) => (await fetch(server.url + p)).text();
  // An agency with enforcement items (its list and one item's page are portal pages too).
  for (const [, id] of (await html('/agencies')).matchAll(/href="\/agencies\/([0-9a-f-]{36})"/g)) {
    const item = /href="\/items\/([0-9a-f-]{36})"/.exec(await html(`/agencies/${id}/items`));
    if (item) {
      f.agencyId = id!;
      f.itemId = item[1]!;
      break;
    }
  }
  assert.ok(f.itemId, 'an agency lists its items');
  f.certificateNo = decodeURIComponent(/href="\/officers\/([^"?]+)"/.exec(await html('/officers'))![1]!);
  const [doc] = await queryRows<{ id: string }>(
    server.database.db,
    sql`select id from documents order by issued_at limit 1`,
  );
  f.documentId = doc!.id;
  f.decisionId = /href="\/decisions\/([0-9a-f-]{36})"/.exec(await html('/decisions'))![1]!;
});
after(async () => {
  await browser?.close();
  await server?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

for (const width of [390, 1366]) {
  test(`every portal page passes axe with no serious or critical violation (${width} px)`, async () => {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      isMobile: width < 500,
    });
    const page = await context.newPage();
    const found: string[] = [];
    try {
      for (const p of PAGES) {
        const res = await page.goto(server.url + p.path(f));
        assert.equal(res?.status(), p.status ?? 200, p.name);
        // Through the protocol: the portal's CSP would refuse an inline script tag (and it ships none).
        await page.evaluate(AXE_SOURCE);
        const { violations, passes } = (await page.evaluate(async () => {
          const axe = (
            globalThis as unknown as {
              axe: { run: (o: unknown) => Promise<{ violations: unknown[]; passes: unknown[] }> };
            }
          ).axe;
          const r = await axe.run({
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return { violations: r.violations, passes: r.passes.length };
        })) as { violations: AxeViolation[]; passes: number };
        // axe ran its rules on the page (an empty run would pass anything).
        assert.ok(passes >= 10, `${p.name}: axe checked only ${passes} rules`);
        for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
          found.push(
            `${p.name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(found, []);
  });
}
