import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type OfficerInput, validateOfficerInput } from './officer.ts';
import { CATEGORY_CODES } from './test-fixtures.ts';

const certified = (over: Partial<OfficerInput> = {}): OfficerInput => ({
  name: '王建国',
  isAuxiliary: false,
  certificateNo: '皖03000100001',
  categories: ['MARKET'],
  enforcementRegionCode: '340300',
  issueDate: '2023-01-01',
  expiryDate: '2027-12-31',
  isLegalReviewer: false,
  trainingHours: [
    { year: 2024, hours: 64 },
    { year: 2025, hours: 0 },
  ],
  phone: '13855201234',
  ...over,
});

const aux = (over: Partial<OfficerInput> = {}): OfficerInput => ({
  name: '李协',
  isAuxiliary: true,
  certificateNo: null,
  categories: [],
  enforcementRegionCode: null,
  issueDate: null,
  expiryDate: null,
  ...over,
});

const codes = (input: OfficerInput) =>
  validateOfficerInput(input, CATEGORY_CODES).map((v) => `${v.code}:${v.field}`);

describe('validateOfficerInput', () => {
  test('valid certified officer and auxiliary', () => {
    assert.deepEqual(codes(certified()), []);
    assert.deepEqual(codes(certified({ phone: '0552-3021234', trainingHours: null })), []);
    assert.deepEqual(codes(aux()), []);
    assert.deepEqual(codes(aux({ enforcementRegionCode: '340321', phone: '' })), []);
  });

  test('name', () => {
    assert.deepEqual(codes(certified({ name: '' })), ['FIELD_REQUIRED:name']);
    assert.deepEqual(codes(certified({ name: '名'.repeat(51) })), ['TOO_LONG:name']);
  });

  test('certificate number required and well-formed unless auxiliary', () => {
    assert.deepEqual(codes(certified({ certificateNo: null })), ['FIELD_REQUIRED:certificateNo']);
    assert.deepEqual(codes(certified({ certificateNo: '皖-12' })), ['INVALID_CERTIFICATE_NO:certificateNo']);
  });

  test('auxiliary has no certificate, categories or reviewer role', () => {
    assert.deepEqual(
      codes(
        aux({
          certificateNo: '皖03000100001',
          categories: ['MARKET'],
          issueDate: '2024-01-01',
          expiryDate: '2026-01-01',
        }),
      ),
      [
        'AUXILIARY_NO_CERTIFICATE:certificateNo',
        'AUXILIARY_NO_CERTIFICATE:issueDate',
        'AUXILIARY_NO_CERTIFICATE:expiryDate',
        'AUXILIARY_NO_CERTIFICATE:categories',
      ],
    );
    assert.deepEqual(codes(aux({ isLegalReviewer: true })), ['AUXILIARY_CANNOT_REVIEW:isLegalReviewer']);
    assert.deepEqual(codes(aux({ enforcementRegionCode: '999999' })), [
      'INVALID_REGION_CODE:enforcementRegionCode',
    ]);
  });

  test('categories: non-empty, known, no duplicates', () => {
    assert.deepEqual(codes(certified({ categories: [] })), ['FIELD_REQUIRED:categories']);
    assert.deepEqual(codes(certified({ categories: null })), ['FIELD_REQUIRED:categories']);
    assert.deepEqual(codes(certified({ categories: ['MARKET', 'TAX', 'MARKET'] })), [
      'UNKNOWN_CATEGORY:categories[1]',
      'DUPLICATE_CATEGORY:categories[2]',
    ]);
  });

  test('enforcement region', () => {
    assert.deepEqual(codes(certified({ enforcementRegionCode: '' })), [
      'FIELD_REQUIRED:enforcementRegionCode',
    ]);
    assert.deepEqual(codes(certified({ enforcementRegionCode: '340012' })), [
      'INVALID_REGION_CODE:enforcementRegionCode',
    ]);
  });

  test('certificate dates: valid, expiry after issue', () => {
    assert.deepEqual(codes(certified({ issueDate: '2023-02-29' })), ['INVALID_DATE:issueDate']);
    assert.deepEqual(codes(certified({ expiryDate: undefined })), ['INVALID_DATE:expiryDate']);
    assert.deepEqual(codes(certified({ issueDate: '2027-12-31' })), ['INVALID_CERTIFICATE_TERM:expiryDate']);
    assert.deepEqual(codes(certified({ issueDate: '2028-01-01' })), ['INVALID_CERTIFICATE_TERM:expiryDate']);
    assert.deepEqual(codes(certified({ issueDate: '2027-12-30' })), []);
  });

  test('training hours', () => {
    assert.deepEqual(
      codes(
        certified({
          trainingHours: [
            { year: 2024, hours: -1 },
            { year: 2024, hours: 10 },
            { year: 24.5, hours: Number.NaN },
          ],
        }),
      ),
      [
        'INVALID_TRAINING_HOURS:trainingHours[0].hours',
        'DUPLICATE_TRAINING_YEAR:trainingHours[1].year',
        'INVALID_TRAINING_HOURS:trainingHours[2].year',
        'INVALID_TRAINING_HOURS:trainingHours[2].hours',
      ],
    );
    assert.deepEqual(codes(certified({ trainingHours: [{ year: 2025, hours: 12.5 }] })), []);
  });

  test('phone', () => {
    assert.deepEqual(codes(certified({ phone: '123' })), ['INVALID_PHONE:phone']);
    assert.deepEqual(codes(certified({ phone: null })), []);
  });

  test('messages are Chinese', () => {
    for (const v of validateOfficerInput(
      certified({ name: '', categories: [], issueDate: 'x' }),
      CATEGORY_CODES,
    )) {
      assert.match(v.message, /[\u4e00-\u9fff]/);
    }
  });
});
