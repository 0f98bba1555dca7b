import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  evaluateReviewCatalogue,
  normaliseReviewCatalogue,
  reviewCatalogueViolations,
} from '../../modules/catalog/review-catalogue.ts';
import { validateAgencyInput } from '../../modules/org/rules/agency.ts';
import { canAct, checkTeam } from '../../modules/org/rules/can-act.ts';
import { applyCertificateAction, effectiveStatus } from '../../modules/org/rules/certificate.ts';
import { validateOfficerInput } from '../../modules/org/rules/officer.ts';
import { reviewerQualificationViolations } from '../../modules/org/rules/reviewer-qualification.ts';
import { countForReviewerRatio, reviewerRatio } from '../../modules/org/rules/reviewer-ratio.ts';
import { isRole } from '../../modules/org/rules/roles.ts';
import { validateCertificateNo } from '../../platform/identifiers/certificate-no.ts';
import { addDays, isIsoDate } from '../../platform/identifiers/date.ts';
import { validatePhone } from '../../platform/identifiers/phone.ts';
import { isWithinRegion, parseRegionCode } from '../../platform/identifiers/region-code.ts';
import { parseUscc } from '../../platform/identifiers/uscc.ts';
import { isRuleViolation } from '../../platform/identifiers/violation.ts';
import { buildDemoData } from './index.ts';

const REF = '2025-06-30';
const demo = buildDemoData(REF);
const categoryCodes = demo.categories.map((c) => c.code);
const status = (o: (typeof demo.officers)[number], today = REF) =>
  o.isAuxiliary
    ? 'auxiliary'
    : effectiveStatus({ status: o.status, issueDate: o.issueDate!, expiryDate: o.expiryDate! }, today);

describe('demo data', () => {
  test('deterministic, and dates follow the reference date', () => {
    assert.deepEqual(buildDemoData(REF), demo);
    const later = buildDemoData('2027-01-15');
    assert.deepEqual(
      later.officers.map((o) => status(o, '2027-01-15')),
      demo.officers.map((o) => status(o)),
    );
    assert.equal(later.officers[0]!.trainingHours[1]!.year, 2027);
    assert.throws(() => buildDemoData('2025-02-30'), RangeError);
  });

  test('stays valid whatever the reference date (year ends, leap day)', () => {
    for (const ref of ['2024-01-01', '2024-02-29', '2026-12-31', '2031-07-15']) {
      const d = buildDemoData(ref);
      for (const o of d.officers)
        assert.deepEqual(validateOfficerInput(o, categoryCodes), [], `${ref} ${o.key}`);
      const below = d.agencies.filter(
        (a) =>
          !reviewerRatio(
            countForReviewerRatio(
              d.officers.filter((o) => o.agencyKey === a.key),
              ref,
            ),
          ).meets,
      );
      assert.deepEqual(
        below.map((a) => a.key),
        ['scjg'],
        ref,
      );
    }
  });

  test('regions: valid codes, levels and parents match the code, hierarchy closed', () => {
    const codes = new Set(demo.regions.map((r) => r.code));
    assert.equal(codes.size, demo.regions.length);
    for (const r of demo.regions) {
      const parsed = parseRegionCode(r.code);
      assert.ok(!isRuleViolation(parsed), r.code);
      assert.equal(parsed.level, r.level, r.code);
      assert.equal(parsed.parentCode, r.parentCode, r.code);
      if (r.parentCode) assert.ok(codes.has(r.parentCode), `${r.code} parent`);
      assert.ok(isWithinRegion(r.code, '340000'));
    }
    for (const c of ['340302', '340303', '340304', '340311', '340321', '340322', '340323'])
      assert.ok(codes.has(c), c);
  });

  test('categories: unique codes with Chinese names', () => {
    assert.equal(new Set(categoryCodes).size, categoryCodes.length);
    for (const c of ['MARKET', 'URBAN', 'ECOLOGY', 'SAFETY', 'TRANSPORT'])
      assert.ok(categoryCodes.includes(c));
  });

  test('agencies: valid, unique keys and USCCs, 机关 codes with their region, units, references resolve', () => {
    const keys = new Set(demo.agencies.map((a) => a.key));
    assert.equal(keys.size, demo.agencies.length);
    assert.equal(new Set(demo.agencies.map((a) => a.uscc)).size, demo.agencies.length);
    for (const a of demo.agencies) {
      const input = {
        ...a,
        entrustment: a.entrustment && {
          ...a.entrustment,
          entrustingAgencyId: a.entrustment.entrustingAgencyKey,
        },
      };
      assert.deepEqual(validateAgencyInput(input), [], a.key);
      const uscc = parseUscc(a.uscc);
      assert.ok(!isRuleViolation(uscc), a.key);
      assert.equal(uscc.registrationAuthorityLabel, '机构编制');
      assert.equal(uscc.regionCode, a.regionCode);
      assert.equal(validatePhone(a.contactPhone), null);
      assert.match(a.contactPhone, /^0552-/);
      assert.ok(a.units.length >= 3 && a.units.length <= 5, a.key);
      assert.equal(a.units.filter((u) => u.isReviewUnit).length, 1, `${a.key} review unit`);
      assert.equal(new Set(a.units.map((u) => u.name)).size, a.units.length);
      assert.ok(demo.regions.some((r) => r.code === a.regionCode));
      if (a.parentKey) assert.ok(keys.has(a.parentKey));
      if (a.entrustment) assert.ok(keys.has(a.entrustment.entrustingAgencyKey));
      for (const c of a.categories) assert.ok(categoryCodes.includes(c));
    }
    for (const name of [
      '蚌埠市司法局',
      '蚌埠市市场监督管理局',
      '蚌埠市城市管理局',
      '蚌埠市生态环境局',
      '蚌埠市应急管理局',
      '蚌埠市交通运输局',
    ]) {
      assert.ok(
        demo.agencies.some((a) => a.name === name && a.regionCode === '340300'),
        name,
      );
    }
    assert.ok(demo.agencies.some((a) => a.regionCode === '340321' && a.type === 'statutory'));
    const entrusted = demo.agencies.filter((a) => a.type === 'entrusted');
    assert.equal(entrusted.length, 1);
    const term = entrusted[0]!.entrustment!;
    assert.ok(term.termStart <= REF && REF <= term.termEnd, 'entrustment in force');
  });

  test('officers pass the officer validator; units exist; certificate numbers unique', () => {
    const keys = new Set<string>();
    const certs = new Set<string>();
    for (const o of demo.officers) {
      assert.deepEqual(validateOfficerInput(o, categoryCodes), [], o.key);
      assert.ok(!keys.has(o.key), o.key);
      keys.add(o.key);
      const agency = demo.agencies.find((a) => a.key === o.agencyKey)!;
      assert.ok(
        agency.units.some((u) => u.name === o.unitName),
        `${o.key} unit`,
      );
      if (o.certificateNo) {
        assert.equal(validateCertificateNo(o.certificateNo), null);
        assert.ok(!certs.has(o.certificateNo), o.certificateNo);
        certs.add(o.certificateNo);
        assert.ok(o.categories.every((c) => agency.categories.includes(c)));
        assert.ok(isWithinRegion(o.enforcementRegionCode!, agency.regionCode));
      }
      assert.deepEqual(
        o.trainingHours.map((t) => t.year),
        [2024, 2025],
      );
    }
    assert.equal(new Set(demo.officers.map((o) => o.name)).size, demo.officers.length, 'names unique');
  });

  test('the mix: ≥ 40 certified officers, ~6 auxiliaries, most valid, some expired, 2 suspended, 2 revoked', () => {
    const certified = demo.officers.filter((o) => !o.isAuxiliary);
    const count = (s: string) => demo.officers.filter((o) => status(o) === s).length;
    assert.ok(certified.length >= 40, String(certified.length));
    assert.equal(count('auxiliary'), 6);
    assert.ok(count('valid') > certified.length * 0.8);
    assert.ok(count('expired') >= 2);
    assert.equal(count('suspended'), 2);
    assert.equal(count('revoked'), 2);
    assert.equal(count('not_yet_valid'), 0);
    const causes = demo.officers
      .filter((o) => o.status === 'revoked')
      .map((o) => o.statusEvent?.revocationCause);
    assert.deepEqual(causes.sort(), ['retirement', 'transfer']);
    assert.ok(demo.officers.filter((o) => o.phone).length >= 3);
    const expiringSoon = certified.filter((o) => status(o) === 'valid' && o.expiryDate! <= '2025-07-30');
    assert.ok(expiringSoon.length >= 1);
  });

  test('status events replay through the certificate lifecycle', () => {
    for (const o of demo.officers) {
      if (!o.statusEvent) {
        assert.equal(o.status, 'valid', o.key);
        continue;
      }
      const e = o.statusEvent;
      const r = applyCertificateAction('valid', e.action, {
        reason: e.reason,
        revocationCause: e.revocationCause,
      });
      assert.deepEqual(r, { ok: true, status: o.status }, o.key);
      assert.ok(isIsoDate(e.date) && e.date <= REF && e.date >= o.issueDate!);
    }
  });

  test('every agency has a legal reviewer; exactly one agency is below 5 %', () => {
    const below: string[] = [];
    for (const a of demo.agencies) {
      const staff = demo.officers.filter((o) => o.agencyKey === a.key);
      assert.ok(
        staff.some((o) => o.isLegalReviewer && status(o) === 'valid'),
        `${a.key} reviewer`,
      );
      const r = reviewerRatio(countForReviewerRatio(staff, REF));
      if (!r.meets) below.push(`${a.key} ${r.reviewers}/${r.officers}`);
    }
    assert.deepEqual(below, ['scjg 1/21']);
  });

  test('every agency can field a team of two; auxiliaries cannot act', () => {
    for (const a of demo.agencies) {
      const staff = demo.officers.filter((o) => o.agencyKey === a.key);
      const team = checkTeam(staff, { categoryCode: a.categories[0]!, regionCode: a.regionCode, date: REF });
      assert.ok(team.allowed, a.key);
    }
    const aux = demo.officers.find((o) => o.isAuxiliary)!;
    assert.equal(canAct(aux, { categoryCode: 'MARKET', regionCode: '340300', date: REF }).allowed, false);
  });

  test('the agency heads hold no officer record: never on a case team, so they may approve (APPROVAL_BY_HANDLER)', () => {
    const heads = demo.users.filter((u) => u.role === 'agency_head');
    assert.ok(heads.length > 0, 'the demo has agency heads');
    for (const h of heads) assert.equal(h.officerKey, null, `${h.username} is no officer of a case team`);
  });

  test('users: required accounts, valid roles, references resolve and match', () => {
    const names = demo.users.map((u) => u.username);
    assert.equal(new Set(names).size, names.length);
    for (const n of [
      'admin',
      'supervisor',
      'scjg_admin',
      'scjg_head',
      'scjg_reviewer',
      'scjg_officer1',
      'scjg_officer2',
      'scjg_aux',
    ]) {
      assert.ok(names.includes(n), n);
    }
    for (const u of demo.users) {
      assert.ok(isRole(u.role), u.username);
      if (u.agencyKey)
        assert.ok(
          demo.agencies.some((a) => a.key === u.agencyKey),
          u.username,
        );
      if (u.officerKey) {
        const o = demo.officers.find((x) => x.key === u.officerKey);
        assert.ok(o, u.username);
        assert.equal(o.agencyKey, u.agencyKey);
        assert.equal(o.name, u.displayName);
        assert.equal(o.isAuxiliary, u.role === 'auxiliary', u.username);
        if (u.role === 'legal_reviewer') assert.ok(o.isLegalReviewer);
        if (u.role === 'officer' || u.role === 'legal_reviewer') assert.equal(status(o), 'valid', u.username);
      }
    }
    const sup = demo.users.find((u) => u.role === 'supervisor')!;
    assert.equal(sup.regionCode, '340300');
    const cg = demo.users
      .filter((u) => u.agencyKey === 'cg')
      .map((u) => u.role)
      .sort();
    assert.deepEqual(cg, ['agency_admin', 'officer']);
    assert.equal(demo.users.find((u) => u.username === 'admin')?.role, 'system_admin');
  });

  test('every agency has one review catalogue, valid and in force before the demo cases', () => {
    for (const a of demo.agencies) {
      const mine = demo.reviewCatalogues.filter((c) => c.agencyKey === a.key);
      assert.equal(mine.length, 1, `${a.key}: one 目录清单`);
      const c = mine[0]!;
      assert.deepEqual(reviewCatalogueViolations(c.entries), [], `${a.key}: the catalogue is valid`);
      assert.ok(c.effectiveFrom < addDays(REF, -365), `${a.key}: in force a year before the reference day`);
      const fine = (partyType: 'natural_person' | 'legal_person', fineFen: number) =>
        evaluateReviewCatalogue(normaliseReviewCatalogue(c.entries), {
          actionType: 'penalty',
          partyType,
          penalty: { kinds: ['fine'], fineFen },
          seizedValueFen: null,
          hearingHeld: false,
          grounds: [],
        }).length;
      assert.equal(fine('natural_person', 100), 0, `${a.key}: a small fine is not major`);
      assert.equal(fine('legal_person', 100_000_000), 1, `${a.key}: a 100万元 fine on a company is major`);
    }
  });

  test('every legal reviewer holds the 法律职业资格 and sits in the review unit (行政处罚法 art. 58 para 2)', () => {
    const reviewers = demo.officers.filter((o) => o.isLegalReviewer);
    assert.ok(reviewers.length >= demo.agencies.length, 'one reviewer per agency at least');
    for (const o of reviewers) {
      const agency = demo.agencies.find((a) => a.key === o.agencyKey)!;
      const inReviewUnit = agency.units.some((u) => u.name === o.unitName && u.isReviewUnit);
      const record = { ...o, id: o.key, agencyId: o.agencyKey, inReviewUnit };
      assert.deepEqual(reviewerQualificationViolations(record, REF), [], `${o.key} may review`);
      assert.ok(o.reviewingSince! <= REF, `${o.key}: began reviewing before the reference day`);
      assert.deepEqual(validateOfficerInput(o, categoryCodes, REF), [], `${o.key}: fields valid`);
    }
  });
});
