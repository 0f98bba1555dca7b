import { randomInt } from 'node:crypto';

/**
 * 随机抽查 (R9; seed 001 一(二): "调阅、抽查面应覆盖记录档案60%以上"). "以上" includes the number itself
 * in Chinese legal usage, so the sample is the smallest whole number of files not below the ratio.
 */
export function spotCheckSampleSize(population: number, minCoverage: number): number {
  if (population <= 0) return 0;
  // Rounded to avoid 0.6 × 5 = 3.0000000000000004 asking for a fourth file.
  return Math.min(population, Math.ceil(Number((population * minCoverage).toFixed(9))));
}

/**
 * A uniform random sample (partial Fisher–Yates) drawn with a CSPRNG, so nobody can predict or steer
 * which files are pulled. `pick` is injectable for tests only.
 */
export function drawSample<T>(
  items: readonly T[],
  size: number,
  pick: (n: number) => number = randomInt,
): T[] {
  const a = [...items];
  const n = Math.min(size, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + pick(a.length - i);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, n);
}

export type Coverage = {
  /** Case files archived in the period. */
  population: number;
  sampled: number;
  reviewed: number;
  /** reviewed ÷ population (0 when nothing was archived). */
  coverage: number;
  required: number;
  /** Whether reviewed files reach the required coverage. */
  met: boolean;
};

export function coverageOf(
  population: number,
  sampled: number,
  reviewed: number,
  minCoverage: number,
): Coverage {
  const required = spotCheckSampleSize(population, minCoverage);
  return {
    population,
    sampled,
    reviewed,
    coverage: population === 0 ? 0 : reviewed / population,
    required,
    met: reviewed >= required,
  };
}
