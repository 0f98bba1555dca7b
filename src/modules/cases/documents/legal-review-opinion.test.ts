import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REVIEW_CHECKLIST } from '../rules/legal-review.ts';
import { blankSnapshot } from '../rules/transition.ts';
import type { CaseSnapshot, LegalReviewRound } from '../rules/types.ts';
import { checkAgainstCase } from './agreement.ts';
import { checkDocumentData } from './check.ts';
import { buildDocumentContent } from './content.ts';
import { type CaseFacts, draftDocument, FROM_CASE } from './draft.ts';
import { SAMPLE_COMPANY } from './samples.ts';
import { getTemplate } from './templates.ts';

// The 法制审核意见书 (行政处罚法 art. 58; 蚌埠任务分解方案 items 30–31): written from the open round and the
// `record_review_opinion` step's payload, everything read-only, and refused when it says another opinion.
const round: LegalReviewRound = {
  round: 2,
  submittedOn: '2026-03-16',
  submittedBy: { userId: 'u1', name: '刘海涛', officerId: 'o1' },
  reviewerOfficerId: 'r1',
  reviewerName: '赵敏',
  subject: {
    penalty: { kinds: ['fine'], fineFen: 3_000_000 },
    facts: '销售超过保质期的食品',
    provisions: '《中华人民共和国食品安全法》第一百二十四条',
    discretion: '',
    grounds: [],
    evidenceIds: [],
  },
  subjectHash: 'x',
  catalogueVersion: null,
  matched: [],
  extended: false,
};
const snapshot = (r: LegalReviewRound): CaseSnapshot => ({
  ...blankSnapshot('c1', 'ordinary', '340321'),
  state: 'decision_pending',
  legalReview: { rounds: [r] },
});
const facts = (s: CaseSnapshot): CaseFacts => ({
  title: '涉嫌销售超过保质期的食品案',
  snapshot: s,
  party: {
    type: 'legal_person',
    name: SAMPLE_COMPANY.name,
    idNumber: (SAMPLE_COMPANY as { uscc: string }).uscc,
    representative: '周海燕',
    address: null,
    phone: null,
  },
  team: [],
  openPayload: {},
  leadDate: '2026-03-01',
  documents: [],
  evidenceTitles: [],
  legalBasis: '',
  requiresAv: false,
  coerciveTermDays: 30,
  today: '2026-03-18',
});
const findings = REVIEW_CHECKLIST.map((p) =>
  p.point === 'documents'
    ? { point: p.point, ok: false, note: '询问笔录缺少被询问人签名' }
    : { point: p.point, ok: true },
);
const payload = { opinion: 'correct', reasons: '询问笔录不完整，请补正后重新送审', findings };
const template = getTemplate('legal_review_opinion');
const codes = (data: object, f: CaseFacts, p: Record<string, unknown> = payload) =>
  checkAgainstCase(template, data as never, f, p).map((v) => `${v.code}:${v.field}`);

describe('法制审核意见书', () => {
  test('drafted for the step from the open round and the payload, every field read-only, and it passes', () => {
    const f = facts(snapshot(round));
    const d = draftDocument('legal_review_opinion', f, payload);
    assert.equal(d.caseName, '涉嫌销售超过保质期的食品案');
    assert.equal(d.submitter, '刘海涛');
    assert.equal(d.submittedOn, '2026-03-16');
    assert.equal(d.round, 2);
    assert.equal(d.proposal, '罚款人民币30,000.00元。', 'the round’s proposal in 元');
    assert.equal(d.opinion, '纠正');
    assert.equal(d.reasons, payload.reasons);
    assert.equal(d.reviewer, '赵敏', 'the round’s reviewer');
    assert.equal(d.reviewedOn, '2026-03-18');
    const rows = d.findings as { point: string; result: string; note: string }[];
    assert.equal(rows.length, 8, 'each point of the checklist');
    assert.deepEqual(rows[6], {
      point: '行政执法文书是否完备、规范',
      result: '存在问题',
      note: '询问笔录缺少被询问人签名',
    });
    assert.equal(rows[0]?.result, '符合');
    for (const field of template.fields)
      assert.ok(FROM_CASE.legal_review_opinion?.includes(field.key), `${field.key} is the case’s`);
    assert.deepEqual(checkDocumentData(template, d, f.today), []);
    assert.deepEqual(codes(d, f), []);
    const content = buildDocumentContent(template, d, {
      agencyName: '蚌埠市市场监督管理局',
      issuedOn: f.today,
    });
    const text = JSON.stringify(content.blocks);
    assert.match(text, /第2轮/);
    assert.match(text, /纠正\\n理由：询问笔录不完整/);
    assert.match(text, /法制审核人员：赵敏/);
    assert.equal(template.numberPrefix, '法审');
  });

  test('an opinion that differs from the step is refused, naming the field', () => {
    const f = facts(snapshot(round));
    const d = draftDocument('legal_review_opinion', f, payload);
    assert.deepEqual(codes({ ...d, opinion: '同意' }, f), ['DOCUMENT_DISAGREES_WITH_CASE:opinion']);
    assert.deepEqual(codes({ ...d, reasons: '同意' }, f), ['DOCUMENT_DISAGREES_WITH_CASE:reasons']);
    assert.deepEqual(codes({ ...d, reviewer: '王立新' }, f), ['DOCUMENT_DISAGREES_WITH_CASE:reviewer']);
    assert.deepEqual(codes({ ...d, round: 1 }, f), ['DOCUMENT_DISAGREES_WITH_CASE:round']);
    const rows = (d.findings as object[]).map((r, i) => (i === 6 ? { ...r, result: '符合', note: '' } : r));
    assert.deepEqual(codes({ ...d, findings: rows }, f), ['DOCUMENT_DISAGREES_WITH_CASE:findings']);
  });

  test('drafted after the step from the recorded opinion, by the reviewer who recorded it', () => {
    const answered = {
      ...round,
      opinion: {
        kind: 'agree' as const,
        reasons: '同意',
        findings: [],
        on: '2026-03-17',
        reviewerName: '赵敏',
      },
    };
    const d = draftDocument('legal_review_opinion', facts(snapshot(answered)));
    assert.equal(d.opinion, '同意');
    assert.equal(d.reasons, '同意');
    assert.equal(d.reviewedOn, '2026-03-17');
    assert.equal(d.findings, undefined, 'no findings recorded, none invented');
  });
});
