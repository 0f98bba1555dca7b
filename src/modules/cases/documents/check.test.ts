import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDocumentData } from './check.ts';
import { SAMPLE_DATA, SAMPLE_OFFICERS, SAMPLE_PERSON, SAMPLE_SHOP } from './samples.ts';
import { BASE_TEMPLATES } from './templates.ts';
import { DOCUMENT_KINDS, type DocumentData, type DocumentKind } from './types.ts';

const codes = (kind: DocumentKind, patch: Record<string, unknown>) =>
  checkDocumentData(BASE_TEMPLATES[kind], { ...SAMPLE_DATA[kind], ...patch } as DocumentData).map(
    (v) => `${v.code}:${v.field}`,
  );

test('the sample data of every kind passes', () => {
  for (const kind of DOCUMENT_KINDS)
    assert.deepEqual(checkDocumentData(BASE_TEMPLATES[kind], SAMPLE_DATA[kind]), [], kind);
});

test('a missing required field is named by its Chinese label and key', () => {
  const v = checkDocumentData(BASE_TEMPLATES.penalty_decision, {
    ...SAMPLE_DATA.penalty_decision,
    facts: '  ',
  });
  assert.deepEqual(v, [{ code: 'DOCUMENT_FIELD_REQUIRED', message: '违法事实不能为空', field: 'facts' }]);
  assert.deepEqual(codes('penalty_decision', { evidence: [] }), ['DOCUMENT_FIELD_REQUIRED:evidence']);
  assert.deepEqual(codes('penalty_decision', { party: undefined }), ['DOCUMENT_FIELD_REQUIRED:party']);
  // A default fills a required field: 缴款方式 defaults to 指定银行账户.
  assert.deepEqual(codes('penalty_decision', { paymentMethod: undefined }), []);
  assert.deepEqual(codes('penalty_decision', { unexpected: 'x' }), ['DOCUMENT_FIELD_UNKNOWN:unexpected']);
});

test('dates, times, money, integers and enums are checked by type', () => {
  assert.deepEqual(codes('penalty_decision', { filingDate: '2026-02-30' }), [
    'DOCUMENT_DATE_INVALID:filingDate',
  ]);
  assert.deepEqual(codes('inspection_record', { startTime: '2026-03-01 09:30' }), [
    'DOCUMENT_DATETIME_INVALID:startTime',
  ]);
  assert.deepEqual(codes('inspection_record', { endTime: '2026-03-01T24:00' }), [
    'DOCUMENT_DATETIME_INVALID:endTime',
  ]);
  assert.deepEqual(codes('penalty_decision', { fineFen: -100 }), ['DOCUMENT_MONEY_INVALID:fineFen']);
  assert.deepEqual(codes('penalty_decision', { fineFen: 500.5 }), ['DOCUMENT_MONEY_INVALID:fineFen']);
  assert.deepEqual(codes('penalty_decision', { fineFen: '5000000' }), ['DOCUMENT_MONEY_INVALID:fineFen']);
  assert.deepEqual(codes('filing_approval', { caseSource: '路过' }), ['DOCUMENT_ENUM_INVALID:caseSource']);
  assert.deepEqual(codes('penalty_decision', { evidence: ['笔录', ''] }), [
    'DOCUMENT_FIELD_INVALID:evidence',
  ]);
  assert.deepEqual(codes('inquiry_record', { qa: [{ q: '问题', a: '' }] }), ['DOCUMENT_FIELD_INVALID:qa']);
});

test('parties: natural persons by resident ID, organisations by USCC, 个体工商户 by both', () => {
  const badId = { ...SAMPLE_PERSON, residentIdNumber: '340302198805123011' };
  assert.deepEqual(codes('penalty_decision', { party: badId }), [
    'INVALID_RESIDENT_ID:party.residentIdNumber',
  ]);
  const v = checkDocumentData(BASE_TEMPLATES.penalty_decision, {
    ...SAMPLE_DATA.penalty_decision,
    party: badId,
  });
  assert.match(v[0]!.message, /^当事人：居民身份证号码不正确/);
  const badUscc = { kind: 'legal_person', name: '某公司', uscc: '91340300MA2N7H3C0X' };
  assert.deepEqual(codes('penalty_decision', { party: badUscc }), ['INVALID_USCC:party.uscc']);
  assert.deepEqual(codes('penalty_decision', { party: { kind: 'legal_person', name: '某公司' } }), [
    'DOCUMENT_FIELD_REQUIRED:party.uscc',
  ]);
  assert.deepEqual(
    codes('penalty_decision', { party: { ...SAMPLE_SHOP, operatorResidentIdNumber: '123' } }),
    ['INVALID_RESIDENT_ID:party.operatorResidentIdNumber'],
  );
  assert.deepEqual(codes('penalty_decision', { party: { kind: 'robot', name: 'R2' } }), [
    'DOCUMENT_PARTY_KIND_INVALID:party.kind',
  ]);
  assert.deepEqual(codes('penalty_decision', { party: { ...SAMPLE_PERSON, name: '' } }), [
    'DOCUMENT_FIELD_REQUIRED:party.name',
  ]);
});

test('officers: at least two where they sign, each with a valid and distinct 执法证号', () => {
  assert.deepEqual(codes('inspection_record', { officers: [SAMPLE_OFFICERS[0]] }), [
    'DOCUMENT_OFFICERS_TOO_FEW:officers',
  ]);
  assert.deepEqual(
    codes('inquiry_record', { officers: [SAMPLE_OFFICERS[0], { name: '李四', certificateNo: '12-34' }] }),
    ['INVALID_CERTIFICATE_NO:officers[1].certificateNo'],
  );
  assert.deepEqual(
    codes('inquiry_record', { officers: [SAMPLE_OFFICERS[0], { name: '李四', certificateNo: '' }] }),
    ['DOCUMENT_FIELD_REQUIRED:officers[1].certificateNo'],
  );
  assert.deepEqual(
    codes('inquiry_record', { officers: [SAMPLE_OFFICERS[0], { ...SAMPLE_OFFICERS[0], name: '王某' }] }),
    ['DOCUMENT_OFFICERS_DUPLICATE:officers[1].certificateNo'],
  );
  assert.deepEqual(codes('filing_approval', { handlers: [SAMPLE_OFFICERS[1]] }), [
    'DOCUMENT_OFFICERS_TOO_FEW:handlers',
  ]);
  const v = checkDocumentData(BASE_TEMPLATES.inspection_record, {
    ...SAMPLE_DATA.inspection_record,
    officers: [],
  });
  assert.deepEqual(v, [{ code: 'DOCUMENT_FIELD_REQUIRED', message: '执法人员不能为空', field: 'officers' }]);
});

test('cross-field rules of the templates', () => {
  const none = { confiscatedIncomeFen: undefined, fineFen: 0 };
  assert.deepEqual(codes('penalty_decision', none), ['DOCUMENT_PENALTY_MISSING:fineFen']);
  assert.deepEqual(codes('penalty_decision', { ...none, warning: '是' }), []);
  assert.deepEqual(codes('penalty_rights_notice', none), ['DOCUMENT_PENALTY_MISSING:fineFen']);
  assert.deepEqual(codes('inspection_record', { endTime: '2026-03-01T09:00' }), [
    'DOCUMENT_TIME_ORDER:endTime',
  ]);
  assert.deepEqual(codes('inquiry_record', { interviewee: SAMPLE_SHOP }), [
    'DOCUMENT_INTERVIEWEE_NOT_PERSON:interviewee.kind',
  ]);
  // 行政强制法第二十五条: at most 30 days (the first day not counted).
  assert.deepEqual(codes('coercive_measure_decision', { endDate: '2026-04-04' }), []);
  assert.deepEqual(codes('coercive_measure_decision', { endDate: '2026-04-05' }), [
    'DOCUMENT_COERCIVE_PERIOD_TOO_LONG:endDate',
  ]);
  assert.deepEqual(codes('coercive_measure_decision', { endDate: '2026-03-04' }), [
    'DOCUMENT_DATE_ORDER:endDate',
  ]);
  assert.deepEqual(codes('coercive_measure_decision', { items: [{ name: '水饺', quantity: '' }] }), [
    'DOCUMENT_FIELD_REQUIRED:items[0].quantity',
  ]);
  assert.deepEqual(codes('service_receipt', { serviceMethod: '留置送达' }), [
    'DOCUMENT_LEFT_SERVICE_UNRECORDED:witness',
  ]);
  assert.deepEqual(
    codes('service_receipt', { serviceMethod: '留置送达', witness: '胡某（社区工作人员）' }),
    [],
  );
  // 听证通知: seven days before the hearing (checked when the issue date is given).
  const hearing = (issuedOn: string) =>
    checkDocumentData(BASE_TEMPLATES.hearing_notice, SAMPLE_DATA.hearing_notice, issuedOn).map((v) => v.code);
  assert.deepEqual(hearing('2026-03-23'), []);
  assert.deepEqual(hearing('2026-03-24'), ['DOCUMENT_HEARING_NOTICE_TOO_LATE']);
});
