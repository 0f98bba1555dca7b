import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REVIEW_CHECKLIST } from './legal-review.ts';
import { type ChecklistInput, checklistAnswers, proposalInWords } from './review-checklist.ts';
import { member, O1, O2 } from './test-fixtures.ts';

const BASE: ChecklistInput = {
  agency: {
    id: 'a1',
    name: '蚌埠市市场监督管理局',
    typeLabel: '法定',
    legalBasis: '《蚌埠市人民政府机构设置方案》',
    regionCode: '340300',
    regionName: '蚌埠市',
    entrustment: null,
  },
  item: {
    code: 'SCJG-CF-001',
    name: '对销售超过保质期食品的处罚',
    agencyId: 'a1',
    agencyName: '蚌埠市市场监督管理局',
    categoryCode: 'MARKET',
    categoryName: '市场监管',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    fineRangeFen: null,
  },
  regionCode: '340302',
  regionName: '龙子湖区',
  officers: [
    { record: O1, roles: ['承办执法人员'] },
    { record: O2, roles: ['承办执法人员'] },
  ],
  steps: [
    { on: '2026-03-01', label: '立案', actorName: '局长', officerId: null },
    { on: '2026-03-05', label: '送达行政处罚告知书', actorName: O1.name ?? '', officerId: 'o1' },
  ],
  clocks: [{ label: '作出处罚决定期限', dueOn: '2026-06-01', state: 'ok', late: false, duty: 'agency' }],
  evidence: [{ title: '现场检查照片', isAv: true, mediaTypeLabel: '照片', inLedger: true }],
  reviewedEvidenceIds: ['e1'],
  evidenceIds: ['e1'],
  proposal: {
    penalty: { kinds: ['fine'], fineFen: 3_000_000 },
    provisions: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    discretion: '',
  },
  documents: {
    issued: [{ label: '行政处罚事先告知书', number: '蚌市监罚告〔2026〕1号' }],
    required: [{ label: '行政处罚事先告知书', step: '送达行政处罚告知书' }],
  },
  today: '2026-03-10',
};

const answer = (i: ChecklistInput, point: string) => {
  const a = checklistAnswers(i).find((x) => x.point === point);
  assert.ok(a, `the answer has the point ${point}`);
  return a;
};

describe('the platform’s answers to the 审核内容清单 (蚌埠任务分解方案 item 30)', () => {
  test('eight points in the checklist’s order, Chinese facts, nothing to flag on a clean case', () => {
    const all = checklistAnswers(BASE);
    assert.deepEqual(
      all.map((a) => a.point),
      REVIEW_CHECKLIST.map((p) => p.point),
      'every point, in order',
    );
    for (const a of all) {
      assert.equal(a.attention, false, `${a.label}: nothing to flag`);
      assert.ok(a.facts.length > 0, `${a.label}: has facts`);
      for (const f of a.facts) assert.match(f, /[\u4e00-\u9fff]/, `${a.label}: “${f}” is Chinese`);
    }
  });

  test('officers: a step taken on a day the certificate was not valid is flagged', () => {
    const lapsed = member({ expiryDate: '2026-03-03' });
    const a = answer({ ...BASE, officers: [{ record: lapsed, roles: ['承办执法人员'] }] }, 'officers');
    assert.equal(a.attention, true, 'the step of 2026-03-05 was after the expiry');
    assert.ok(
      a.facts.some((f) => f.includes('2026-03-05') && f.includes('不能执法')),
      `the day and why: ${a.facts.join(' / ')}`,
    );
    const other = member({ categories: ['TRAFFIC'] });
    assert.equal(
      answer({ ...BASE, officers: [{ record: other, roles: ['承办执法人员'] }] }, 'officers').attention,
      true,
      'a certificate not covering the item’s category is flagged',
    );
    assert.ok(
      answer(BASE, 'officers').facts.some((f) => f.includes('皖03000100001')),
      'the certificate number',
    );
  });

  test('procedure: an overdue agency clock is flagged; a party’s lapsed period is not', () => {
    const overdue = {
      label: '法制审核期限',
      dueOn: '2026-03-08',
      state: 'overdue',
      late: false,
      duty: 'agency',
    };
    assert.equal(answer({ ...BASE, clocks: [overdue] }, 'procedure').attention, true);
    const party = {
      label: '陈述申辩期限',
      dueOn: '2026-03-08',
      state: 'expired',
      late: false,
      duty: 'party',
    };
    assert.equal(answer({ ...BASE, clocks: [party] }, 'procedure').attention, false);
    const late = { ...overdue, state: 'done', late: true };
    assert.equal(answer({ ...BASE, clocks: [late] }, 'procedure').attention, true, 'met late');
  });

  test('facts: a record missing from the ledger, no evidence, or evidence added after submission', () => {
    const gap = [{ title: '询问笔录', isAv: false, mediaTypeLabel: '文档', inLedger: false }];
    assert.equal(answer({ ...BASE, evidence: gap }, 'facts').attention, true, 'not in the ledger');
    assert.equal(answer({ ...BASE, evidence: [], evidenceIds: [] }, 'facts').attention, true, 'no evidence');
    const added = answer({ ...BASE, evidenceIds: ['e1', 'e2'] }, 'facts');
    assert.equal(added.attention, true, 'added after the round');
    assert.ok(added.facts.includes('最近一轮送审后又增加证据1份'));
  });

  test('law: outside a recorded fine range is flagged; with no range recorded the line says so', () => {
    assert.ok(answer(BASE, 'law').facts.includes('执法事项目录未登记罚款幅度，须对照法律依据判断'));
    const ranged = (minFen: number, maxFen: number) => ({
      ...BASE,
      item: { ...(BASE.item as NonNullable<ChecklistInput['item']>), fineRangeFen: { minFen, maxFen } },
    });
    assert.equal(answer(ranged(5_000_000, 10_000_000), 'law').attention, true, '30,000 below 50,000');
    assert.equal(answer(ranged(1_000_000, 5_000_000), 'law').attention, false, 'within');
    assert.equal(proposalInWords({ kinds: ['fine'], fineFen: 3_000_000 }), '罚款人民币30,000.00元');
  });

  test('competence: an item of another agency, or a region outside the agency’s, is flagged', () => {
    const item = { ...(BASE.item as NonNullable<ChecklistInput['item']>), agencyId: 'a2' };
    assert.equal(answer({ ...BASE, item }, 'competence').attention, true);
    assert.equal(
      answer({ ...BASE, regionCode: '340100', regionName: '合肥市' }, 'competence').attention,
      true,
    );
    assert.equal(answer({ ...BASE, item: null }, 'competence').attention, true);
  });

  test('documents: a document a step required and not issued is flagged', () => {
    const a = answer({ ...BASE, documents: { issued: [], required: BASE.documents.required } }, 'documents');
    assert.equal(a.attention, true);
    assert.ok(a.facts.some((f) => f.includes('要求的行政处罚事先告知书尚未制作')));
  });

  test('agency: an entrustment whose term does not cover today is flagged', () => {
    const agency = {
      ...BASE.agency,
      typeLabel: '委托',
      entrustment: {
        entrustingAgencyName: '蚌埠市人民政府',
        termStart: '2024-01-01',
        termEnd: '2025-12-31',
        basis: '委托书',
      },
    };
    assert.equal(answer({ ...BASE, agency }, 'agency').attention, true);
  });

  test('crime: never flagged by the platform; the amounts and that the reviewer decides', () => {
    const a = answer(BASE, 'crime');
    assert.equal(a.attention, false);
    assert.ok(a.facts.includes('须由审核人员判断'));
    assert.ok(a.facts.includes('拟罚款30,000.00元'));
  });
});
