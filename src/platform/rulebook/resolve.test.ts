import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULEBOOK_DEFAULTS, type Rulebook } from './defaults.ts';
import {
  nationalRulebook,
  type RegionRulebook,
  RulebookError,
  regionChain,
  resolveRulebook,
  ruleValue,
  validateRegionRulebook,
} from './resolve.ts';

const src = (zh: string) => ({ zh, en: 'local document' });
const ANHUI: RegionRulebook = {
  regionCode: '340000',
  version: 2,
  overrides: {
    archivingDays: { value: 20, source: src('安徽省某文件：20日内归档') },
    hearingLargeFineNaturalPersonYuan: { value: 5_000, source: src('安徽省某规定：对公民五千元以上') },
  },
};
const BENGBU: RegionRulebook = {
  regionCode: '340300',
  version: 5,
  overrides: { archivingDays: { value: 15, source: src('蚌埠市某文件：15日内归档') } },
};
const codes = (vs: { code: string }[]) => vs.map((v) => v.code);

describe('regionChain', () => {
  test('the region, then each parent up to the province', () => {
    assert.deepEqual(regionChain('340321100'), ['340321100', '340321', '340300', '340000']);
    assert.deepEqual(regionChain('110105'), ['110105', '110100', '110000']);
    assert.deepEqual(regionChain('340000'), ['340000']);
    assert.throws(() => regionChain('99'), RulebookError);
  });
});

describe('resolveRulebook', () => {
  test('the national defaults alone', () => {
    const rb = nationalRulebook();
    assert.match(rb.version, /^national:[0-9a-f]{8}$/);
    assert.equal(rb.regionCode, null);
    for (const [key, p] of Object.entries(RULEBOOK_DEFAULTS)) {
      const r = rb.params[key as keyof Rulebook];
      assert.equal(r.value, p.value, key);
      assert.equal(r.definedBy, 'national');
      assert.deepEqual(r.source, p.source);
    }
    assert.equal(resolveRulebook('340321').version, rb.version);
  });

  test('the nearest layer wins; others inherit from the parent, then the defaults', () => {
    const rb = resolveRulebook('340321', [BENGBU, ANHUI]);
    assert.equal(ruleValue(rb, 'archivingDays'), 15);
    assert.equal(rb.params.archivingDays.definedBy, '340300');
    assert.equal(rb.params.archivingDays.origin, 'local');
    assert.equal(rb.params.archivingDays.unit, 'days');
    assert.match(rb.params.archivingDays.source.zh, /蚌埠市/);
    assert.equal(ruleValue(rb, 'hearingLargeFineNaturalPersonYuan'), 5_000);
    assert.equal(rb.params.hearingLargeFineNaturalPersonYuan.definedBy, '340000');
    assert.equal(ruleValue(rb, 'decisionTimeLimitDays'), 90);
    assert.equal(rb.params.decisionTimeLimitDays.definedBy, 'national');
    // Parent first in the version; regions without a layer do not appear.
    assert.match(rb.version, /^national:[0-9a-f]{8}\/340000:2\/340300:5$/);
    const province = resolveRulebook('340000', [ANHUI]);
    assert.equal(ruleValue(province, 'archivingDays'), 20);
  });

  test('a new version of a layer, or a change of a default in code, changes the version string', () => {
    const a = resolveRulebook('340300', [BENGBU]).version;
    const b = resolveRulebook('340300', [{ ...BENGBU, version: 6 }]).version;
    assert.notEqual(a, b);
    const changed = { ...RULEBOOK_DEFAULTS, paymentDays: { ...RULEBOOK_DEFAULTS.paymentDays, value: 16 } };
    assert.notEqual(nationalRulebook(changed).version, nationalRulebook().version);
  });

  test('layers off the chain or twice for a region are a store bug', () => {
    assert.throws(() => resolveRulebook('340300', [{ ...BENGBU, regionCode: '320100' }]), /不适用于 340300/);
    assert.throws(() => resolveRulebook('340300', [BENGBU, BENGBU]), /重复/);
    assert.throws(
      () =>
        resolveRulebook('340300', [
          { ...BENGBU, overrides: { paymentDays: { value: 30, source: src('本市') } } },
        ]),
      (e: unknown) => e instanceof RulebookError && e.violations[0]?.code === 'RULE_NOT_OVERRIDABLE',
    );
  });

  test('the result is frozen', () => {
    const rb = resolveRulebook('340321', [BENGBU]);
    assert.ok(Object.isFrozen(rb) && Object.isFrozen(rb.params) && Object.isFrozen(rb.params.archivingDays));
  });
});

describe('validateRegionRulebook', () => {
  test('a valid layer', () => {
    assert.deepEqual(validateRegionRulebook(BENGBU), []);
  });

  test('shape, region and version', () => {
    assert.deepEqual(codes(validateRegionRulebook(null)), ['INVALID_RULEBOOK']);
    assert.deepEqual(codes(validateRegionRulebook({ ...BENGBU, regionCode: '34030' })), [
      'INVALID_REGION_CODE',
    ]);
    assert.deepEqual(codes(validateRegionRulebook({ ...BENGBU, version: 0 })), ['INVALID_RULEBOOK_VERSION']);
    assert.deepEqual(codes(validateRegionRulebook({ ...BENGBU, overrides: [] })), ['INVALID_RULEBOOK']);
  });

  test('keys: unknown, fixed by law, deployment-wide', () => {
    const v = (key: string, value: unknown = 1) =>
      codes(validateRegionRulebook({ ...BENGBU, overrides: { [key]: { value, source: src('本市文件') } } }));
    assert.deepEqual(v('coffeeBreakMinutes'), ['UNKNOWN_RULE_KEY']);
    for (const key of [
      'minOfficersPerAction',
      'summaryFineMaxNaturalPersonYuan',
      'hearingRequestWorkingDays',
      'lateSurchargePercentPerDay',
      'coerciveTermDays',
      'loginMaxFailures',
    ]) {
      assert.deepEqual(v(key), ['RULE_NOT_OVERRIDABLE'], key);
    }
    assert.deepEqual(v('decisionTimeLimitDays', 60), []);
    assert.deepEqual(v('legalReviewerMinRatio', 0.08), []);
  });

  test('values in the unit of the key, and a Chinese source', () => {
    const v = (key: string, value: unknown, source: unknown = src('本市文件')) =>
      codes(validateRegionRulebook({ ...BENGBU, overrides: { [key]: { value, source } } }));
    assert.deepEqual(v('archivingDays', 10.5), ['INVALID_RULE_VALUE']);
    assert.deepEqual(v('archivingDays', 0), ['INVALID_RULE_VALUE']);
    assert.deepEqual(v('archivingDays', 400), ['INVALID_RULE_VALUE']);
    assert.deepEqual(v('publicationOtherWorkingDays', 15), []);
    assert.deepEqual(v('legalReviewerMinRatio', 1.5), ['INVALID_RULE_VALUE']);
    assert.deepEqual(v('hearingLargeFineOrganisationYuan', 50_000.001), ['INVALID_RULE_VALUE']);
    assert.deepEqual(v('hearingLargeFineOrganisationYuan', 50_000.5), []);
    assert.deepEqual(v('decisionExtensionsMax', 1.5), ['INVALID_RULE_VALUE']);
    assert.deepEqual(v('archivingDays', '20'), ['INVALID_RULE_VALUE']);
    assert.deepEqual(v('archivingDays', 20, { zh: 'local', en: 'x' }), ['RULE_SOURCE_REQUIRED']);
    assert.deepEqual(v('archivingDays', 20, null), ['RULE_SOURCE_REQUIRED']);
    assert.deepEqual(codes(validateRegionRulebook({ ...BENGBU, overrides: { archivingDays: 20 } })), [
      'INVALID_RULE_VALUE',
    ]);
  });
});
