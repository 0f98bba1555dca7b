import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AGENCY_TYPE_LABELS, type AgencyInput, type Entrustment, validateAgencyInput } from './agency.ts';
import { agencyInput } from './test-fixtures.ts';

const entrustment: Entrustment = {
  entrustingAgencyId: 'a-hy-scjg',
  basis: '《中华人民共和国行政处罚法》第二十条；怀市监委〔2024〕1号委托书',
  items: ['食品经营日常监督检查'],
  powers: ['行政检查', '行政处罚'],
  termStart: '2024-01-01',
  termEnd: '2026-12-31',
};

const codes = (input: AgencyInput) => validateAgencyInput(input).map((v) => `${v.code}:${v.field}`);

describe('validateAgencyInput', () => {
  test('labels', () => {
    assert.deepEqual(AGENCY_TYPE_LABELS, { statutory: '法定', authorized: '授权', entrusted: '委托' });
  });

  test('a complete statutory agency is valid', () => {
    assert.deepEqual(validateAgencyInput(agencyInput()), []);
    assert.deepEqual(validateAgencyInput(agencyInput({ type: 'authorized', contactPhone: null })), []);
  });

  test('name required, at most 100 characters', () => {
    assert.deepEqual(codes(agencyInput({ name: '  ' })), ['FIELD_REQUIRED:name']);
    assert.deepEqual(codes(agencyInput({ name: '局'.repeat(100) })), []);
    assert.deepEqual(codes(agencyInput({ name: '局'.repeat(101) })), ['TOO_LONG:name']);
    assert.match(validateAgencyInput(agencyInput({ name: '' }))[0]!.message, /执法主体名称/);
  });

  test('USCC, region, type, phone', () => {
    assert.deepEqual(codes(agencyInput({ uscc: '113403000030501210' })), ['INVALID_USCC:uscc']);
    assert.deepEqual(codes(agencyInput({ regionCode: '000000' })), ['INVALID_REGION_CODE:regionCode']);
    assert.deepEqual(codes(agencyInput({ type: 'private' as never })), ['INVALID_AGENCY_TYPE:type']);
    assert.deepEqual(codes(agencyInput({ contactPhone: '12345' })), ['INVALID_PHONE:contactPhone']);
  });

  test('all violations are collected', () => {
    assert.deepEqual(codes(agencyInput({ name: '', uscc: '', regionCode: '' })), [
      'FIELD_REQUIRED:name',
      'INVALID_USCC:uscc',
      'INVALID_REGION_CODE:regionCode',
    ]);
  });

  test('entrusted agencies need an entrustment', () => {
    assert.deepEqual(codes(agencyInput({ type: 'entrusted' })), ['ENTRUSTMENT_REQUIRED:entrustment']);
    assert.deepEqual(codes(agencyInput({ type: 'entrusted', entrustment })), []);
  });

  test('entrustment fields', () => {
    const bad = { ...entrustment, entrustingAgencyId: '', basis: ' ', items: [], powers: ['行政检查', ''] };
    assert.deepEqual(codes(agencyInput({ type: 'entrusted', entrustment: bad })), [
      'FIELD_REQUIRED:entrustment.entrustingAgencyId',
      'FIELD_REQUIRED:entrustment.basis',
      'FIELD_REQUIRED:entrustment.items',
      'FIELD_REQUIRED:entrustment.powers',
    ]);
  });

  test('entrustment term: real dates, end not before start', () => {
    const e = (termStart: string, termEnd: string) =>
      codes(agencyInput({ type: 'entrusted', entrustment: { ...entrustment, termStart, termEnd } }));
    assert.deepEqual(e('2024-01-01', '2024-01-01'), []);
    assert.deepEqual(e('2024-01-02', '2024-01-01'), ['INVALID_ENTRUSTMENT_TERM:entrustment.termEnd']);
    assert.deepEqual(e('2024-02-30', '2024-12-31'), ['INVALID_DATE:entrustment.termStart']);
    assert.deepEqual(e('2024-01-01', ''), ['INVALID_DATE:entrustment.termEnd']);
  });

  test('other agencies must not carry an entrustment', () => {
    assert.deepEqual(codes(agencyInput({ entrustment })), ['ENTRUSTMENT_NOT_ALLOWED:entrustment']);
    assert.deepEqual(codes(agencyInput({ type: 'authorized', entrustment })), [
      'ENTRUSTMENT_NOT_ALLOWED:entrustment',
    ]);
  });
});
