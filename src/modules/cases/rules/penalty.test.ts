import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveRulebook } from '../../../platform/rulebook/resolve.ts';
import {
  checkSummaryEligible,
  formatYuan,
  hearingEligibility,
  heavierThanNotified,
  parsePenaltyTerms,
  yuanToFen,
} from './penalty.ts';
import { rulebook } from './test-fixtures.ts';
import type { PenaltyTerms } from './types.ts';

const fine = (yuan: number): PenaltyTerms => ({ kinds: ['fine'], fineFen: yuanToFen(yuan) });

describe('hearing eligibility (行政处罚法 art. 63)', () => {
  test('large fines: 10,000 yuan for a natural person, 100,000 for an organisation (demo defaults, "以上" inclusive)', () => {
    assert.equal(hearingEligibility(fine(10_000), 'natural_person', rulebook).eligible, true);
    assert.equal(hearingEligibility(fine(9_999.99), 'natural_person', rulebook).eligible, false);
    assert.equal(hearingEligibility(fine(10_000), 'individual_business', rulebook).eligible, true);
    assert.equal(hearingEligibility(fine(99_999), 'legal_person', rulebook).eligible, false);
    const r = hearingEligibility(fine(100_000), 'other_organisation', rulebook);
    assert.deepEqual(r.basis, ['较大数额罚款（对其他组织100,000元以上，第六十三条第一款第（一）项）']);
  });

  test('confiscation of a large amount; licence, qualification, suspension, closure, employment restriction; other severe', () => {
    const gains: PenaltyTerms = {
      kinds: ['confiscate_illegal_gains'],
      confiscatedGainsFen: yuanToFen(10_000),
    };
    assert.match(
      hearingEligibility(gains, 'natural_person', rulebook).basis[0] ?? '',
      /没收较大数额违法所得/,
    );
    const property: PenaltyTerms = {
      kinds: ['confiscate_illegal_property'],
      confiscatedPropertyFen: yuanToFen(50_000),
    };
    assert.equal(hearingEligibility(property, 'legal_person', rulebook).eligible, false);
    for (const kind of [
      'qualification_downgrade',
      'licence_revocation',
      'suspension_of_business',
      'closure',
      'employment_restriction',
    ] as const) {
      assert.equal(hearingEligibility({ kinds: [kind] }, 'legal_person', rulebook).eligible, true, kind);
    }
    for (const kind of [
      'warning',
      'circulated_criticism',
      'licence_suspension',
      'business_restriction',
    ] as const) {
      assert.equal(hearingEligibility({ kinds: [kind] }, 'legal_person', rulebook).eligible, false, kind);
    }
    assert.equal(
      hearingEligibility({ kinds: ['business_restriction'], otherSevere: true }, 'legal_person', rulebook)
        .eligible,
      true,
    );
  });

  test('the amounts are the province’s: a region override moves the threshold', () => {
    const anhui = resolveRulebook('340300', [
      {
        regionCode: '340000',
        version: 1,
        overrides: {
          hearingLargeFineNaturalPersonYuan: {
            value: 5_000,
            source: { zh: '某省行政处罚听证程序规定：对公民处以五千元以上罚款', en: 'x' },
          },
        },
      },
    ]);
    assert.equal(hearingEligibility(fine(5_000), 'natural_person', anhui).eligible, true);
    assert.equal(hearingEligibility(fine(5_000), 'natural_person', rulebook).eligible, false);
  });
});

describe('summary eligibility (行政处罚法 art. 51)', () => {
  test('inclusive limits ("以下")', () => {
    assert.deepEqual(checkSummaryEligible(fine(200), 'natural_person', rulebook), []);
    assert.equal(
      checkSummaryEligible(fine(200.01), 'natural_person', rulebook)[0]?.code,
      'SUMMARY_FINE_TOO_HIGH',
    );
    assert.deepEqual(checkSummaryEligible(fine(3_000), 'legal_person', rulebook), []);
    assert.equal(
      checkSummaryEligible(fine(3_001), 'legal_person', rulebook)[0]?.code,
      'SUMMARY_FINE_TOO_HIGH',
    );
    assert.deepEqual(checkSummaryEligible({ kinds: ['warning'] }, 'legal_person', rulebook), []);
    assert.equal(
      checkSummaryEligible({ kinds: ['circulated_criticism'] }, 'legal_person', rulebook)[0]?.code,
      'SUMMARY_PENALTY_KIND_NOT_ALLOWED',
    );
  });
});

describe('parsePenaltyTerms', () => {
  const bad = (input: unknown) => {
    const r = parsePenaltyTerms(input);
    assert.equal(r.ok, false);
    return r.ok ? [] : r.violations.map((v) => v.message);
  };

  test('valid terms', () => {
    assert.deepEqual(parsePenaltyTerms({ kinds: ['warning', 'fine'], fineFen: 50_000 }), {
      ok: true,
      value: { kinds: ['warning', 'fine'], fineFen: 50_000 },
    });
    assert.deepEqual(parsePenaltyTerms({ kinds: ['closure'], otherSevere: false }), {
      ok: true,
      value: { kinds: ['closure'] },
    });
  });

  test('invalid terms, each named in Chinese', () => {
    assert.match(bad(null)[0] ?? '', /处罚内容必须填写/);
    assert.match(bad({ kinds: [] })[0] ?? '', /至少选择一种/);
    assert.match(bad({ kinds: ['flogging'] })[0] ?? '', /未知的处罚种类/);
    assert.match(bad({ kinds: ['warning', 'warning'] })[0] ?? '', /重复/);
    assert.match(bad({ kinds: ['fine'] })[0] ?? '', /须填写罚款数额/);
    assert.match(bad({ kinds: ['fine'], fineFen: 12.5 })[0] ?? '', /以分为单位的正整数/);
    assert.match(bad({ kinds: ['fine'], fineFen: 0 })[0] ?? '', /以分为单位的正整数/);
    assert.match(bad({ kinds: ['warning'], fineFen: 100 })[0] ?? '', /处罚种类中没有“罚款”/);
    assert.match(bad({ kinds: ['warning'], otherSevere: 'yes' })[0] ?? '', /是或否/);
  });
});

describe('not heavier than notified (行政处罚法 art. 45)', () => {
  test('kinds and amounts', () => {
    assert.deepEqual(heavierThanNotified(fine(100), fine(100)), []);
    assert.deepEqual(
      heavierThanNotified({ kinds: ['warning'] }, { kinds: ['warning', 'fine'], fineFen: 1 }),
      [],
    );
    assert.deepEqual(heavierThanNotified(fine(101), fine(100)), ['罚款数额101元高于告知的100元']);
    assert.deepEqual(heavierThanNotified({ kinds: ['closure'] }, { kinds: ['suspension_of_business'] }), [
      '增加了告知时没有的“责令关闭”',
    ]);
  });

  test('money helpers', () => {
    assert.equal(yuanToFen(200.01), 20_001);
    assert.equal(formatYuan(500_000), '5,000元');
    assert.equal(formatYuan(1_000_001), '10,000.01元');
  });
});
