import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULE_UNIT_LABELS, RULEBOOK_DEFAULTS, type RuleKey } from './defaults.ts';

// Pinned: changing a rule number is a decision to be made on purpose, with its source.
const PINNED: Record<RuleKey, [number, string, string]> = {
  legalReviewerMinRatio: [0.05, 'ratio', 'national'],
  minOfficersPerAction: [2, 'persons', 'national'],
  trainingHoursPerYear: [60, 'hours', 'local'],
  loginMaxFailures: [5, 'times', 'platform'],
  loginLockoutMinutes: [15, 'minutes', 'platform'],
  sessionIdleHours: [8, 'hours', 'platform'],
  sessionAbsoluteHours: [12, 'hours', 'platform'],
  decisionTimeLimitDays: [90, 'days', 'national'],
  decisionExtensionDays: [30, 'days', 'national'],
  decisionExtensionsMax: [1, 'times', 'platform'],
  statementDefenceWorkingDays: [5, 'working_days', 'platform'],
  hearingRequestWorkingDays: [5, 'working_days', 'national'],
  hearingNoticeWorkingDays: [7, 'working_days', 'national'],
  serviceWorkingDays: [7, 'working_days', 'national'],
  paymentDays: [15, 'days', 'national'],
  lateSurchargePercentPerDay: [3, 'percent_per_day', 'national'],
  summaryFineMaxNaturalPersonYuan: [200, 'yuan', 'national'],
  summaryFineMaxOrganisationYuan: [3000, 'yuan', 'national'],
  hearingLargeFineNaturalPersonYuan: [10_000, 'yuan', 'local'],
  hearingLargeFineOrganisationYuan: [100_000, 'yuan', 'local'],
  hearingLargeConfiscationNaturalPersonYuan: [10_000, 'yuan', 'local'],
  hearingLargeConfiscationOrganisationYuan: [100_000, 'yuan', 'local'],
  coerciveTermDays: [30, 'days', 'national'],
  coerciveExtensionDays: [30, 'days', 'national'],
  demandNoticeWaitWorkingDays: [10, 'working_days', 'national'],
  reconsiderationDays: [60, 'days', 'national'],
  litigationMonths: [6, 'months', 'national'],
  courtEnforcementApplicationMonths: [3, 'months', 'national'],
  archivingDays: [30, 'days', 'local'],
  avUploadHours: [24, 'hours', 'local'],
  spotCheckMinCoverage: [0.6, 'ratio', 'local'],
  publicationPenaltyLicenceWorkingDays: [7, 'working_days', 'national'],
  publicationOtherWorkingDays: [20, 'working_days', 'national'],
  clockWarningDays: [3, 'days', 'platform'],
  onSpotCollectionMaxYuan: [100, 'yuan', 'national'],
  onSpotRemittanceWorkingDays: [2, 'working_days', 'national'],
  bankDepositWorkingDays: [2, 'working_days', 'national'],
  evidencePreservationWorkingDays: [7, 'working_days', 'national'],
  limitationMonths: [24, 'months', 'national'],
  limitationSafetyMonths: [60, 'months', 'national'],
  leadFilingWorkingDays: [15, 'working_days', 'national'],
  leadFilingExtensionWorkingDays: [15, 'working_days', 'national'],
  legalReviewWorkingDays: [5, 'working_days', 'local'],
  legalReviewExtensionWorkingDays: [5, 'working_days', 'local'],
  publicationWithdrawalWorkingDays: [3, 'working_days', 'national'],
  publicationPeriodMinMonths: [3, 'months', 'national'],
  publicationPeriodSafetyMinMonths: [12, 'months', 'national'],
  publicationPeriodMaxMonths: [36, 'months', 'national'],
};

describe('rulebook defaults', () => {
  test('every value is pinned', () => {
    assert.deepEqual(Object.keys(RULEBOOK_DEFAULTS).sort(), Object.keys(PINNED).sort());
    for (const [key, [value, unit, origin]] of Object.entries(PINNED)) {
      const p = RULEBOOK_DEFAULTS[key as RuleKey];
      assert.equal(p.value, value, key);
      assert.equal(p.unit, unit, key);
      assert.equal(p.origin, origin, key);
    }
  });

  test('every parameter cites its source in Chinese and English', () => {
    for (const [key, p] of Object.entries(RULEBOOK_DEFAULTS)) {
      assert.match(p.source.zh, /[\u4e00-\u9fff]/, key);
      assert.ok(p.source.en.length > 10, key);
    }
    assert.match(RULEBOOK_DEFAULTS.legalReviewerMinRatio.source.zh, /国办发〔2018〕118号/);
    assert.match(RULEBOOK_DEFAULTS.minOfficersPerAction.source.zh, /第四十二条/);
    assert.match(RULEBOOK_DEFAULTS.trainingHoursPerYear.source.zh, /60学时/);
    assert.equal(RULEBOOK_DEFAULTS.trainingHoursPerYear.source.seedRef, '002 task 3');
  });

  test('case-handling parameters cite their articles', () => {
    const cites: [RuleKey, RegExp][] = [
      ['decisionTimeLimitDays', /第六十条/],
      ['hearingRequestWorkingDays', /第六十四条.*第八十五条/],
      ['hearingNoticeWorkingDays', /第六十四条.*第八十五条/],
      ['serviceWorkingDays', /第六十一条.*第八十五条/],
      ['paymentDays', /第六十七条/],
      ['lateSurchargePercentPerDay', /第七十二条/],
      ['summaryFineMaxNaturalPersonYuan', /第五十一条/],
      ['summaryFineMaxOrganisationYuan', /第五十一条/],
      ['hearingLargeFineNaturalPersonYuan', /第六十三条.*演示默认值/],
      ['hearingLargeConfiscationOrganisationYuan', /第六十三条.*演示默认值/],
      ['coerciveTermDays', /行政强制法》第二十五条.*第六十九条/],
      ['coerciveExtensionDays', /第二十五条/],
      ['demandNoticeWaitWorkingDays', /行政强制法》第五十四条.*第六十九条/],
      ['reconsiderationDays', /行政复议法》.*第二十条.*六十日/],
      ['litigationMonths', /行政诉讼法》第四十六条.*六个月/],
      ['courtEnforcementApplicationMonths', /行政强制法》第五十三条.*三个月/],
      ['publicationPenaltyLicenceWorkingDays', /国办发〔2018〕118号.*7个工作日/],
      ['publicationOtherWorkingDays', /20个工作日/],
    ];
    for (const [key, pattern] of cites) assert.match(RULEBOOK_DEFAULTS[key].source.zh, pattern, key);
    assert.equal(RULEBOOK_DEFAULTS.archivingDays.source.seedRef, '000:22');
    assert.equal(RULEBOOK_DEFAULTS.avUploadHours.source.seedRef, '000:22');
    assert.match(RULEBOOK_DEFAULTS.avUploadHours.source.zh, /24小时内/);
    assert.match(RULEBOOK_DEFAULTS.spotCheckMinCoverage.source.zh, /覆盖记录档案60%以上/);
    assert.equal(RULEBOOK_DEFAULTS.publicationOtherWorkingDays.source.seedRef, '000:11');
    assert.match(RULEBOOK_DEFAULTS.clockWarningDays.source.zh, /非法律规定/);
  });

  test('every unit has a Chinese label', () => {
    for (const [key, p] of Object.entries(RULEBOOK_DEFAULTS)) {
      assert.ok(RULE_UNIT_LABELS[p.unit], key);
    }
  });

  test('is frozen', () => {
    assert.ok(Object.isFrozen(RULEBOOK_DEFAULTS));
    assert.ok(Object.isFrozen(RULEBOOK_DEFAULTS.minOfficersPerAction));
    assert.throws(() => {
      (RULEBOOK_DEFAULTS.minOfficersPerAction as { value: number }).value = 1;
    }, TypeError);
  });
});
