import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDocumentData } from './check.ts';
import { buildDocumentContent, documentContentHash } from './content.ts';
import { SAMPLE_AGENCY, SAMPLE_DATA } from './samples.ts';
import { applyAgencyOverride, BASE_TEMPLATES, getTemplate, TemplateOverrideError } from './templates.ts';
import { DOCUMENT_KINDS, type DocumentContent, type DocumentTemplate } from './types.ts';

const TITLES = {
  filing_approval: '立案审批表',
  inspection_record: '现场检查（勘验）笔录',
  inquiry_record: '询问笔录',
  penalty_rights_notice: '行政处罚事先告知书',
  hearing_notice: '听证通知书',
  penalty_decision: '行政处罚决定书',
  service_receipt: '送达回证',
  coercive_measure_decision: '查封（扣押）决定书',
  closing_approval: '结案审批表',
  on_spot_penalty_decision: '当场行政处罚决定书',
  legal_review_opinion: '法制审核意见书',
};

const meta = { agencyName: SAMPLE_AGENCY, documentNumber: '蚌市监处罚〔2026〕17号', issuedOn: '2026-03-20' };
const text = (c: DocumentContent) =>
  c.blocks.map((b) => (b.type === 'paragraph' ? b.text : JSON.stringify(b))).join('\n');

/** Every {{placeholder}} and `when` of a template names a field (or agencyName). */
function unknownReferences(t: DocumentTemplate): string[] {
  const keys = new Set([...t.fields.map((f) => f.key), 'agencyName']);
  const sources: string[] = [];
  for (const b of t.blocks) {
    if (b.type === 'paragraph') {
      if (typeof b.text === 'string') sources.push(b.text);
      if (typeof b.when === 'string') sources.push(`{{${b.when}}}`);
    }
    if (b.type === 'form') {
      for (const r of b.rows)
        for (const c of r.cells)
          for (const s of [c.value, c.sign]) if (typeof s === 'string') sources.push(s);
    }
    if (b.type === 'grid') sources.push(`{{${b.field}}}`, typeof b.caption === 'string' ? b.caption : '');
  }
  return sources
    .flatMap((s) => [...s.matchAll(/\{\{\s*([\w]+)/g)].map((m) => m[1]!))
    .filter((k) => !keys.has(k));
}

test('eleven kinds, each with its official title, Chinese labels and consistent references', () => {
  assert.equal(DOCUMENT_KINDS.length, 11);
  for (const kind of DOCUMENT_KINDS) {
    const t = BASE_TEMPLATES[kind];
    assert.equal(t.kind, kind);
    assert.equal(t.title, TITLES[kind]);
    assert.equal(new Set(t.fields.map((f) => f.key)).size, t.fields.length, `${kind}: duplicate field keys`);
    assert.equal(new Set(t.blocks.map((b) => b.id)).size, t.blocks.length, `${kind}: duplicate block ids`);
    for (const f of t.fields) assert.match(f.label, /[\u4e00-\u9fff]/, `${kind}.${f.key}`);
    assert.deepEqual(unknownReferences(t), [], kind);
  }
});

test('the 当场行政处罚决定书 states what art. 52 asks: violation, penalty and basis, time and place, remedies, officers', () => {
  const c = buildDocumentContent(
    BASE_TEMPLATES.on_spot_penalty_decision,
    SAMPLE_DATA.on_spot_penalty_decision,
    { ...meta, documentNumber: '蚌市监简罚〔2026〕3号' },
  );
  const body = text(c);
  assert.match(body, /经查：/, 'the violation');
  assert.match(body, /依据[\s\S]*第五十一条的规定，当场作出如下行政处罚决定/, 'the basis');
  assert.match(body, /作出如下行政处罚决定：\n警告。/, 'the penalty');
  assert.match(body, /时间：2026年4月2日15时20分　地点：/, 'the time and place');
  assert.match(body, /六十日内[\s\S]*申请行政复议[\s\S]*六个月内[\s\S]*提起行政诉讼/, 'both remedies');
  assert.match(body, /执法人员：王立新（执法证号：/, 'the officers');
  assert.equal(
    checkDocumentData(BASE_TEMPLATES.on_spot_penalty_decision, {
      ...SAMPLE_DATA.on_spot_penalty_decision,
      fineFen: null,
      warning: null,
    })[0]?.code,
    'DOCUMENT_PENALTY_MISSING',
    'a decision without a penalty is refused',
  );
});

test('the 决定书 carries the statutory wording: 加处罚款 (第七十二条) and both remedies with their periods', () => {
  const c = buildDocumentContent(BASE_TEMPLATES.penalty_decision, SAMPLE_DATA.penalty_decision, meta);
  const body = text(c);
  assert.match(body, /^当事人：蚌埠市蚌山区鑫淼食品商行（个体工商户）\n统一社会信用代码：/);
  assert.match(body, /经营者：刘䶮，身份证号码：340302198805123010/);
  assert.match(body, /一、没收违法所得人民币3,560\.00元；\n二、罚款人民币50,000\.00元（大写：伍万元整）。/);
  assert.match(body, /每日按罚款数额的百分之三加处罚款/);
  assert.match(
    body,
    /六十日内向蚌埠市人民政府申请行政复议，或者在六个月内依法向蚌埠市蚌山区人民法院提起行政诉讼/,
  );
  assert.deepEqual(c.blocks.at(-1), { type: 'signoff', agencyName: SAMPLE_AGENCY, date: '2026年3月20日' });
  // One penalty is not numbered, and without a fine there is no 加处罚款 sentence.
  const one = buildDocumentContent(
    BASE_TEMPLATES.penalty_decision,
    { ...SAMPLE_DATA.penalty_decision, fineFen: undefined },
    meta,
  );
  assert.match(text(one), /本局决定：\n没收违法所得人民币3,560\.00元。/);
  assert.doesNotMatch(text(one), /加处罚款/);
});

test('the content hash changes with any field and not with key order', () => {
  const d = SAMPLE_DATA.penalty_decision;
  const h = documentContentHash(buildDocumentContent(BASE_TEMPLATES.penalty_decision, d, meta));
  assert.match(h, /^[0-9a-f]{64}$/);
  const reordered = Object.fromEntries(Object.entries(d).reverse());
  assert.equal(
    documentContentHash(buildDocumentContent(BASE_TEMPLATES.penalty_decision, reordered, meta)),
    h,
  );
  const changed = { ...d, fineFen: 5000001 };
  assert.notEqual(
    documentContentHash(buildDocumentContent(BASE_TEMPLATES.penalty_decision, changed, meta)),
    h,
  );
  assert.notEqual(
    documentContentHash(
      buildDocumentContent(BASE_TEMPLATES.penalty_decision, d, { ...meta, issuedOn: '2026-03-21' }),
    ),
    h,
  );
});

test('an agency override changes wording, defaults and title; typos are errors', () => {
  const t = getTemplate('penalty_decision', {
    text: { opening: '当事人{{caseCause}}一案，本委于{{filingDate}}立案调查，现已调查终结。' },
    fields: {
      reviewAuthority: { default: '蚌埠市人民政府' },
      paymentMethod: { default: '中国农业银行蚌埠分行（账号：12-345678）' },
    },
    omitBlocks: ['procedure'],
  });
  const { reviewAuthority: _, ...withoutAuthority } = SAMPLE_DATA.penalty_decision;
  const body = text(buildDocumentContent(t, withoutAuthority, meta));
  assert.match(body, /本委于2026年3月2日立案调查/);
  assert.match(body, /向蚌埠市人民政府申请行政复议/);
  assert.match(body, /缴至中国农业银行蚌埠分行（账号：12-345678）/);
  assert.doesNotMatch(body, /行政处罚事先告知书/);
  assert.equal(
    BASE_TEMPLATES.penalty_decision.fields.find((f) => f.key === 'reviewAuthority')?.default,
    undefined,
  );

  const seizure = getTemplate('coercive_measure_decision');
  assert.equal(
    buildDocumentContent(seizure, SAMPLE_DATA.coercive_measure_decision, meta).title,
    '扣押决定书',
  );
  const renamed = getTemplate('coercive_measure_decision', { title: '实施行政强制措施决定书' });
  assert.equal(
    buildDocumentContent(renamed, SAMPLE_DATA.coercive_measure_decision, meta).title,
    '实施行政强制措施决定书',
  );

  assert.throws(() => getTemplate('penalty_decision', { text: { openning: 'x' } }), TemplateOverrideError);
  assert.throws(
    () => getTemplate('penalty_decision', { fields: { fine: { label: 'x' } } }),
    TemplateOverrideError,
  );
  assert.throws(() => getTemplate('penalty_decision', { text: { penalties: 'x' } }), TemplateOverrideError);
  assert.equal(applyAgencyOverride(BASE_TEMPLATES.hearing_notice, undefined), BASE_TEMPLATES.hearing_notice);
});
