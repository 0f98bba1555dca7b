import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, load, startServer } from './lib.ts';

/**
 * Issue 2 figures, each beside the reference it is compared with in the same run:
 *  - cold start to the first 200 on /healthz (embedded PGlite): empty data directory (creates the
 *    database, migrates, seeds the demo) and existing data directory (a restart);
 *  - public officer look-ups per second against the same server's /healthz rate.
 */
export async function benchFoundation(opts: { seconds: number; connections: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mingjing-bench-'));
  try {
    const env = { MINGJING_DATA: dataDir, MINGJING_DEMO_PASSWORD: 'Bench-password-2026' };
    const first = await startServer(env);
    await first.stop();
    const server = await startServer(env);
    const base = `http://127.0.0.1:${server.port}`;
    console.log('\n## Foundation (embedded PGlite)');
    console.log(
      `cold start, empty data dir (create + migrate + seed demo): ${fmt(first.startMs)} ms to first 200 on /healthz`,
    );
    console.log(
      `cold start, existing data dir (restart):                   ${fmt(server.startMs)} ms to first 200 on /healthz`,
    );

    const dir = await (await fetch(`${base}/officers?page=1`)).text();
    const certs = [...dir.matchAll(/href="\/officers\/([^"?]+)"/g)].map((m) => m[1]!);
    if (certs.length === 0) throw new Error('no certificate numbers found in the public directory');
    const paths = certs.map((c) => `/api/public/officers/${c}`);
    // Warm-up so JIT and caches are comparable for both measurements.
    await load(base, { seconds: 1, connections: opts.connections, paths });
    const health = await load(`${base}/healthz`, opts);
    const lookup = await load(base, { ...opts, paths });
    await server.stop();
    console.log(
      `/healthz (reference, same server):         ${fmt(health.rps)} req/s, p99 ${fmt(health.p99)} ms`,
    );
    console.log(
      `GET /api/public/officers/{no} (${certs.length} numbers): ${fmt(lookup.rps)} req/s, p99 ${fmt(lookup.p99)} ms, non-2xx ${lookup.non2xx}`,
    );
    console.log(`look-ups ÷ /healthz: ${fmt(lookup.rps / health.rps, 2)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
