import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as cases from '../cases/rules/types.ts';
import {
  describeCondition,
  evaluateReviewCatalogue,
  normaliseReviewCatalogue,
  type PenaltyTerms,
  type ReviewCatalogueEntry,
  type ReviewCatalogueEntryInput,
  type ReviewFacts,
  reviewCatalogueViolations,
} from './review-catalogue.ts';

const entry = (over: Partial<ReviewCatalogueEntry>): ReviewCatalogueEntry => ({
  id: 'e1',
  label: '条目',
  actionTypes: ['penalty'],
  partyTypes: [],
  conditions: [{ kind: 'hearing_held' }],
  ...over,
});
const facts = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  actionType: 'penalty',
  partyType: 'legal_person',
  penalty: null,
  seizedValueFen: null,
  hearingHeld: false,
  grounds: [],
  ...over,
});
const matches = (e: ReviewCatalogueEntry, f: ReviewFacts) => evaluateReviewCatalogue([e], f).length === 1;
const penalty = (p: Partial<PenaltyTerms>): PenaltyTerms => ({ kinds: ['fine'], ...p });

describe('evaluateReviewCatalogue', () => {
  test('amount thresholds: at the threshold matches, one fen below does not, above does', () => {
    const T = 10_000_000; // 10万元
    const fine = entry({ conditions: [{ kind: 'fine_at_least', fen: T }] });
    assert.ok(
      matches(fine, facts({ penalty: penalty({ fineFen: T }) })),
      'a fine of exactly 10万元 is major',
    );
    assert.ok(!matches(fine, facts({ penalty: penalty({ fineFen: T - 1 }) })), '99,999.99元 is not');
    assert.ok(matches(fine, facts({ penalty: penalty({ fineFen: T + 1 }) })), 'above the threshold is major');
    assert.ok(!matches(fine, facts({ penalty: null })), 'no penalty, no fine threshold reached');

    const conf = entry({ conditions: [{ kind: 'confiscation_at_least', fen: T }] });
    const gp = (g: number, p: number) =>
      facts({ penalty: penalty({ confiscatedGainsFen: g, confiscatedPropertyFen: p }) });
    assert.ok(matches(conf, gp(T / 2, T / 2)), 'gains and property are added up to the threshold');
    assert.ok(!matches(conf, gp(T / 2, T / 2 - 1)), 'one fen short of the sum is not major');
    assert.ok(matches(conf, gp(T, 1)), 'above the sum is major');

    const seized = entry({
      actionTypes: ['coercive'],
      conditions: [{ kind: 'seized_value_at_least', fen: T }],
    });
    const sv = (v: number | null) => facts({ actionType: 'coercive', seizedValueFen: v });
    assert.ok(matches(seized, sv(T)), 'seized value at the threshold is major');
    assert.ok(!matches(seized, sv(T - 1)), 'below is not');
    assert.ok(matches(seized, sv(T + 100)), 'above is');
    assert.ok(!matches(seized, sv(null)), 'nothing seized is not major');
  });

  test('action type and party type filter the entry; no party type listed means any party', () => {
    const citizens = entry({
      partyTypes: ['natural_person', 'individual_business'],
      conditions: [{ kind: 'fine_at_least', fen: 1_000_000 }],
    });
    const f = (partyType: ReviewFacts['partyType']) =>
      facts({ partyType, penalty: penalty({ fineFen: 1_000_000 }) });
    assert.ok(matches(citizens, f('natural_person')), 'a citizen fined 1万元 matches the citizens entry');
    assert.ok(matches(citizens, f('individual_business')), '个体工商户 counts as listed');
    assert.ok(!matches(citizens, f('legal_person')), 'a company does not match the citizens entry');
    assert.ok(!matches(citizens, f(null)), 'an unknown party does not match a party-specific entry');
    assert.ok(
      matches({ ...citizens, partyTypes: [] }, f(null)),
      'an entry without party types takes any party',
    );
    assert.ok(
      !matches(citizens, { ...f('natural_person'), actionType: 'inspection' }),
      'an inspection is not a penalty entry',
    );
  });

  test('all conditions of an entry must hold (AND); entries are independent (OR)', () => {
    const both = entry({
      id: 'e7',
      label: '听证且罚款5万元以上',
      conditions: [{ kind: 'hearing_held' }, { kind: 'fine_at_least', fen: 5_000_000 }],
    });
    const big = penalty({ fineFen: 5_000_000 });
    assert.ok(matches(both, facts({ hearingHeld: true, penalty: big })), 'both hold');
    assert.ok(!matches(both, facts({ hearingHeld: false, penalty: big })), 'no hearing: not matched');
    assert.ok(!matches(both, facts({ hearingHeld: true, penalty: penalty({ fineFen: 100 }) })), 'small fine');
    const hearing = entry({ id: 'e8', label: '经过听证' });
    assert.deepEqual(
      evaluateReviewCatalogue([both, hearing], facts({ hearingHeld: true, penalty: big })),
      [
        { entryId: 'e7', label: '听证且罚款5万元以上' },
        { entryId: 'e8', label: '经过听证' },
      ],
      'every matching entry is named, in catalogue order',
    );
  });

  test('penalty kinds, hearing and the art. 58 grounds', () => {
    const severe = entry({
      conditions: [{ kind: 'penalty_kind', kinds: ['licence_revocation', 'closure'] }],
    });
    assert.ok(
      matches(severe, facts({ penalty: penalty({ kinds: ['warning', 'closure'] }) })),
      'one kind suffices',
    );
    assert.ok(
      !matches(severe, facts({ penalty: penalty({ kinds: ['warning'] }) })),
      'a warning is not severe',
    );
    assert.ok(matches(entry({}), facts({ hearingHeld: true })), 'hearing held');
    assert.ok(!matches(entry({}), facts({ hearingHeld: false })), 'no hearing');
    const ground = entry({
      conditions: [{ kind: 'ground', grounds: ['major_public_interest', 'major_rights'] }],
    });
    assert.ok(matches(ground, facts({ grounds: ['major_rights'] })), 'a flagged ground listed in the entry');
    assert.ok(!matches(ground, facts({ grounds: ['other_law'] })), 'a ground the entry does not list');
    assert.ok(!matches(ground, facts({ grounds: [] })), 'no ground flagged');
  });

  test('conditions in words', () => {
    assert.equal(describeCondition({ kind: 'fine_at_least', fen: 5_000_000 }), '罚款金额达到50,000元');
    assert.equal(
      describeCondition({ kind: 'confiscation_at_least', fen: 123_456 }),
      '没收违法所得和非法财物价值合计达到1,234.56元',
    );
    assert.equal(describeCondition({ kind: 'penalty_kind', kinds: ['closure'] }), '处罚种类为责令关闭');
    assert.equal(describeCondition({ kind: 'hearing_held' }), '经过听证程序');
    assert.equal(
      describeCondition({ kind: 'ground', grounds: ['major_public_interest'] }),
      '属于“涉及重大公共利益”情形（行政处罚法第五十八条）',
    );
    assert.match(
      describeCondition({ kind: 'ground', grounds: ['major_public_interest', 'other_law'] }),
      /^属于下列情形之一（行政处罚法第五十八条）：涉及重大公共利益；法律、法规规定/,
    );
  });

  test("a case's penalty terms (with the cases module's extra marks) are accepted as they are", () => {
    const terms: cases.PenaltyTerms = { kinds: ['fine'], fineFen: 1, otherSevere: true };
    assert.ok(!matches(entry({}), facts({ penalty: terms })));
  });
});

describe('reviewCatalogueViolations', () => {
  const ok: ReviewCatalogueEntryInput = {
    label: '对法人处以10万元以上罚款',
    actionTypes: ['penalty'],
    partyTypes: ['legal_person'],
    conditions: [{ kind: 'fine_at_least', fen: 10_000_000 }],
  };
  const refuse = (entries: unknown) =>
    reviewCatalogueViolations(entries).map((v) => {
      assert.equal(v.code, 'INVALID_REVIEW_CATALOGUE', 'one code for every defect');
      return `${v.field}: ${v.message}`;
    });

  test('a complete catalogue is valid', () => {
    assert.deepEqual(refuse([ok, { ...ok, id: 'e3', partyTypes: undefined }]), []);
  });

  test('each defect names the entry and the field', () => {
    assert.deepEqual(refuse([{ ...ok, label: ' ' }]), ['entries.0.label: 第1项的事项名称不能为空']);
    assert.deepEqual(refuse([ok, { ...ok, actionTypes: [] }]), [
      'entries.1.actionTypes: 第2项「对法人处以10万元以上罚款」须至少选择一项执法行为类别',
    ]);
    assert.deepEqual(refuse([{ ...ok, conditions: [] }]), [
      'entries.0.conditions: 第1项「对法人处以10万元以上罚款」须至少设置一个条件',
    ]);
    assert.match(
      refuse([{ ...ok, conditions: [{ kind: 'fine_above', fen: 1 }] }])[0]!,
      /^entries\.0\.conditions\.0\.kind: .*不存在/,
    );
    assert.match(
      refuse([{ ...ok, conditions: [{ kind: 'ground', grounds: ['nope'] }] }])[0]!,
      /grounds: .*“nope”不存在/,
    );
    assert.match(
      refuse([{ ...ok, conditions: [{ kind: 'penalty_kind', kinds: ['fine', 'flogging'] }] }])[0]!,
      /kinds: .*处罚种类“flogging”不存在/,
    );
    assert.match(refuse([{ ...ok, partyTypes: ['alien'] }])[0]!, /partyTypes: .*当事人类型“alien”不存在/);
    assert.match(refuse([{ ...ok, actionTypes: ['fine'] }])[0]!, /actionTypes: .*执法行为类别“fine”不存在/);
    for (const fen of [1.5, -100, 0, '100', Number.MAX_SAFE_INTEGER + 2]) {
      assert.match(
        refuse([{ ...ok, conditions: [{ kind: 'fine_at_least', fen }] }])[0] ?? '',
        /^entries\.0\.conditions\.0\.fen: .*金额须为大于零的整数/,
        `amount ${fen} refused`,
      );
    }
    assert.deepEqual(
      refuse([
        { ...ok, id: 'e1' },
        { ...ok, id: 'e1' },
      ]),
      ['entries.1.id: 第2项「对法人处以10万元以上罚款」的编号与其他条目重复'],
    );
    assert.match(refuse([{ ...ok, colour: 'red' }])[0]!, /^entries\.0\.colour: .*未知字段“colour”/);
    assert.match(
      refuse([{ ...ok, conditions: [{ kind: 'hearing_held', fen: 5 }] }])[0]!,
      /^entries\.0\.conditions\.0\.fen: .*未知字段/,
    );
    assert.deepEqual(refuse([]), ['entries: 目录清单至少须有一项']);
    assert.deepEqual(refuse('x'), ['entries: 目录清单须为条目列表']);
  });

  test('ids: kept when sent back, new entries numbered after every id seen before', () => {
    const previous = normaliseReviewCatalogue([ok, ok, ok]);
    assert.deepEqual(
      previous.map((e) => e.id),
      ['e1', 'e2', 'e3'],
    );
    // e2 was removed; a new entry never takes e2 or e3 again.
    const next = normaliseReviewCatalogue([{ ...ok, id: 'e1' }, ok], previous);
    assert.deepEqual(
      next.map((e) => e.id),
      ['e1', 'e4'],
    );
  });
});
