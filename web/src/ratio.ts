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

/**
 * The rule's source as its readers know it: the document's name and words (`zh`). Never the seed-file
 * reference (`seedRef`, e.g. 000:28) or the English note: those are for engineers, and a clerk reads
 * "(000:28)" as a code.
 */
export function sourceText(source: RulebookSource | undefined): string {
  if (!source) return '';
  if (typeof source === 'string') return source;
  return typeof source.zh === 'string' ? source.zh : '';
}
