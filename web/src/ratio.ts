import type { ReviewerRatio, RulebookSource } from './types.ts';

// `ratio` and `required` are read as fractions (0.05 = 5 %) unless `required` is above 1, in which case
// both are taken as percentages already.
function asPercent(value: number, required: number): number {
  return required > 1 ? value : value * 100;
}

function fmt(n: number): string {
  return String(Number(n.toFixed(2)));
}

export function ratioPercentText(r: ReviewerRatio): string {
  return `${fmt(asPercent(r.ratio, r.required))}%`;
}

export function requiredPercentText(r: ReviewerRatio): string {
  return `${fmt(asPercent(r.required, r.required))}%`;
}

/** "法制审核人员占比低于5%" (the figure follows the rulebook's `required`). */
export function ratioWarningText(r: ReviewerRatio): string {
  return `法制审核人员占比低于${requiredPercentText(r)}`;
}

/** The rulebook the figure was computed under, as one line. */
export function sourceText(source: RulebookSource | undefined): string {
  if (!source) return '';
  if (typeof source === 'string') return source;
  if (typeof source.zh === 'string') return source.zh;
  return Object.values(source)
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .join(' · ');
}
