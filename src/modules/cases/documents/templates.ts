// The base templates of the nine kinds of 文书 and the merging of an agency's own wording onto them.
//
// A template is data: `fields` (what the case must supply, with Chinese labels, types, required flags)
// and `blocks` (how the body is laid out). Paragraph text uses placeholders:
//   {{key}}          the field formatted by type: date 2026年3月2日, datetime 2026年3月2日9时30分,
//                    money_fen 人民币50,000.00元, officers 张三（执法证号：…）、李四（…）, list a、b、c,
//                    party its name;
//   {{key|format}}   money_fen: yuan (50,000.00元), upper (伍万元整), full (人民币50,000.00元（大写：伍万元整）);
//                    officers: names (张三、李四);
//   {{party.name}}   a property of a party (name, address, phone, representative, uscc, …);
//   {{agencyName}}   the agency's name.
// Where wording depends on the data in more than a placeholder, a block holds a function instead.
//
// Per-agency templates: an agency stores an `AgencyTemplateOverride` per kind (its wording, e.g. 本委
// instead of 本局; its 复议机关, 人民法院 and bank account as field defaults) and calls
// `getTemplate(kind, override)`, which merges it onto the base template.
import { coerciveMeasureDecision } from './templates/coercive-measure.ts';
import { closingApproval, filingApproval, serviceReceipt } from './templates/forms.ts';
import { legalReviewOpinion } from './templates/legal-review-opinion.ts';
import { hearingNotice, penaltyRightsNotice } from './templates/notices.ts';
import { onSpotPenaltyDecision } from './templates/on-spot-decision.ts';
import { penaltyDecision } from './templates/penalty-decision.ts';
import { inquiryRecord, inspectionRecord } from './templates/records.ts';
import type { AgencyTemplateOverride, Block, DocumentKind, DocumentTemplate } from './types.ts';
import { DOCUMENT_KINDS } from './types.ts';

export const BASE_TEMPLATES: Readonly<Record<DocumentKind, DocumentTemplate>> = {
  filing_approval: filingApproval,
  inspection_record: inspectionRecord,
  inquiry_record: inquiryRecord,
  penalty_rights_notice: penaltyRightsNotice,
  hearing_notice: hearingNotice,
  penalty_decision: penaltyDecision,
  service_receipt: serviceReceipt,
  coercive_measure_decision: coerciveMeasureDecision,
  closing_approval: closingApproval,
  on_spot_penalty_decision: onSpotPenaltyDecision,
  legal_review_opinion: legalReviewOpinion,
};

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** Thrown for an override that names a block or field the template does not have. */
export class TemplateOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateOverrideError';
  }
}

/** Merges an agency's override onto a template (see AgencyTemplateOverride). Returns a new template. */
export function applyAgencyOverride(
  base: DocumentTemplate,
  override: Partial<AgencyTemplateOverride> | undefined,
): DocumentTemplate {
  if (!override) return base;
  const blockIds = new Set(base.blocks.map((b) => b.id));
  const fieldKeys = new Set(base.fields.map((f) => f.key));
  for (const id of [...Object.keys(override.text ?? {}), ...(override.omitBlocks ?? [])]) {
    if (!blockIds.has(id)) throw new TemplateOverrideError(`${base.kind}: no block "${id}"`);
  }
  for (const key of Object.keys(override.fields ?? {})) {
    if (!fieldKeys.has(key)) throw new TemplateOverrideError(`${base.kind}: no field "${key}"`);
  }
  const omit = new Set(override.omitBlocks ?? []);
  const blocks: Block[] = [];
  for (const b of base.blocks) {
    if (omit.has(b.id)) continue;
    const text = override.text?.[b.id];
    if (text === undefined) blocks.push(b);
    else if (b.type === 'paragraph') blocks.push({ ...b, text });
    else
      throw new TemplateOverrideError(
        `${base.kind}: block "${b.id}" is not a paragraph; its wording cannot be replaced`,
      );
  }
  const merged: DocumentTemplate = {
    ...base,
    title: override.title ?? base.title,
    numberPrefix: override.numberPrefix === undefined ? base.numberPrefix : override.numberPrefix,
    fields: base.fields.map((f) => ({ ...f, ...(override.fields?.[f.key] ?? {}) })),
    blocks,
  };
  // A changed title replaces the computed one too (查封决定书 / 扣押决定书).
  if (override.title !== undefined) delete (merged as { titleFor?: unknown }).titleFor;
  return merged;
}

/** The template of a kind, with the agency's override merged on when given. */
export function getTemplate(
  kind: DocumentKind,
  override?: Partial<AgencyTemplateOverride>,
): DocumentTemplate {
  const base = BASE_TEMPLATES[kind];
  if (!base) throw new RangeError(`unknown document kind: ${String(kind)}`);
  return applyAgencyOverride(base, override);
}
