import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRIES, type Entry, fmt, ROOT, startServer } from './lib.ts';

/**
 * A restart on existing embedded data, as an operator (or a supervisor after a crash) does it: the
 * compiled server `npm start` runs (`node dist/main.js`) on a PGlite data directory that a first start
 * created and seeded, timed from spawn to the first 200 on /healthz (which queries the database).
 * Printed beside, from the same run: the cold import of the compiled application alone (what the
 * process pays before it opens the database), bare `node` starting and exiting, and the same restart
 * through tsx on the sources (how `npm start` ran before the build). `BENCH_STARTUP_RUNS` (default 5)
 * repetitions of each, alternating, so load on this shared machine hits all of them alike.
 */
export async function benchStartup(opts: { runs: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mingjing-bench-startup-'));
  try {
    const env = { MINGJING_DATA: dataDir, MINGJING_DEMO_PASSWORD: 'Bench-password-2026' };
    const first = await startServer(env);
    await first.stop();
    console.log('\n## Startup (embedded PGlite, existing data directory)');
    console.log(
      `first start (create + migrate + seed demo), compiled: ${fmt(first.startMs)} ms to first 200`,
    );

    const samples: Record<'restart' | 'restartTsx' | 'importApp' | 'node', number[]> = {
      restart: [],
      restartTsx: [],
      importApp: [],
      node: [],
    };
    const restart = async (entry: Entry) => {
      const s = await startServer(env, entry);
      await s.stop();
      return s.startMs;
    };
    for (let i = 0; i < opts.runs; i++) {
      samples.node.push(await timeProcess(['-e', '0']));
      samples.importApp.push(await timeProcess(['-e', "await import('./dist/app.js')"]));
      samples.restart.push(await restart('dist'));
      samples.restartTsx.push(await restart('tsx'));
    }
    const row = (label: string, xs: number[]) =>
      console.log(
        `${label.padEnd(58)} median ${fmt(median(xs)).padStart(6)} ms (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))}; ${xs.length} runs)`,
      );
    row(`restart, compiled (node ${ENTRIES.dist.map(rel).join(' ')}), to first 200`, samples.restart);
    row('reference: cold import of dist/app.js (process spawn → exit)', samples.importApp);
    row('reference: bare node -e 0 (process spawn → exit)', samples.node);
    row('before: restart through tsx (node --import tsx src/main.ts)', samples.restartTsx);
    const r = median(samples.restart);
    console.log(
      `restart − import: ${fmt(r - median(samples.importApp))} ms (database open, app set-up, listen); compiled ÷ tsx: ${fmt(r / median(samples.restartTsx), 2)}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rel = (p: string) => (p.startsWith(ROOT) ? p.slice(ROOT.length) : p);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Wall time of `node …args` from spawn to exit, which must be 0. */
function timeProcess(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(performance.now() - t0)
        : reject(new Error(`node ${args.join(' ')} exited ${code}`)),
    );
  });
}
