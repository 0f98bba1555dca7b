import { benchCases } from './cases.ts';
import { benchEvidence } from './evidence.ts';
import { benchFoundation } from './foundation.ts';
import { benchLedger } from './ledger.ts';
import { ensureBuilt } from './lib.ts';
import { benchStartup } from './startup.ts';

// `npm run bench`: speed targets live here, never in timed tests. Every figure is printed beside the
// reference measured in the same run on this (shared, noisy) machine.
// `npm run bench -- ledger` (or several names) runs only those; no name runs them all, in this order.
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

const benches: Record<string, () => Promise<void>> = {
  foundation: () => benchFoundation({ seconds, connections }),
  cases: () => benchCases({ seconds }),
  ledger: () => benchLedger(),
  evidence: () => benchEvidence(),
  startup: () => benchStartup({ runs: Number(process.env.BENCH_STARTUP_RUNS ?? 5) }),
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !Object.hasOwn(benches, name));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}; choose from: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
const selected =
  asked.length > 0 ? Object.keys(benches).filter((name) => asked.includes(name)) : Object.keys(benches);

console.log(
  `# Mingjing benchmarks — ${new Date().toISOString()}, node ${process.version}, ${seconds}s × ${connections} connections per load`,
);
// The servers the benches start are the compiled build `npm start` runs (bench/lib.ts startServer).
ensureBuilt();
for (const name of selected) await benches[name]!();
