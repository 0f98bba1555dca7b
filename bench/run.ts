import { benchCases } from './cases.ts';
import { benchFoundation } from './foundation.ts';

// `npm run bench`: speed targets live here, never in timed tests. Every figure is printed beside the
// reference measured in the same run on this (shared, noisy) machine.
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

console.log(
  `# Mingjing benchmarks — ${new Date().toISOString()}, node ${process.version}, ${seconds}s × ${connections} connections per load`,
);
await benchFoundation({ seconds, connections });
await benchCases({ seconds });
