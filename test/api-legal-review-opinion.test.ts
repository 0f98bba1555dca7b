import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { REVIEW_CHECKLIST } from '../src/modules/cases/rules/legal-review.ts';
import { completedDraft } from './helpers/documents.ts';
import { company, FINE, type ReviewDesk, reviewDesk, submittedForReview } from './helpers/review.ts';
import { type Client, startServer, type TestServer } from './helpers/server.ts';

// The 法制审核意见书 over real HTTP on the demo: "each opinion is a signed document in the case file and the
// ledger" (行政处罚法 art. 58; 蚌埠任务分解方案 items 30–31). The record_review_opinion step issues it when
// given, numbered 法审; one that says another opinion than the step is refused and nothing changes.
let server: TestServer;
let desk: ReviewDesk;
let officer1: Client;
let reviewer: Client;
const party = company('蚌埠审核意见书测试食品有限公司', '91340300MA2N9R5E0');

before(async () => {
  server = await startServer();
  desk = await reviewDesk(server);
  ({ officer1, reviewer } = desk);
});
after(async () => {
  await server?.close();
});

const step = (c: Client, id: string, action: string, payload: object = {}, extra: object = {}) =>
  c.post(`/api/cases/${id}/transitions`, { action, payload, ...extra });
async function ok(c: Client, id: string, action: string, payload: object = {}, extra: object = {}) {
  const r = await step(c, id, action, payload, extra);
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.body;
}
const detail = async (id: string) => (await officer1.get(`/api/cases/${id}`)).body;
const inReview = (title: string) => submittedForReview(desk, title, party);

describe('the 法制审核意见书 issued with the opinion', () => {
  test('drafted from the round and the step, numbered 法审, in the case documents with its PDF; a disagreeing one is refused', async () => {
    const id = await inReview('法制审核意见书测试案');
    const findings = REVIEW_CHECKLIST.map((p) =>
      p.point === 'law'
        ? { point: p.point, ok: false, note: '裁量理由未引用裁量基准' }
        : { point: p.point, ok: true },
    );
    const payload = { opinion: 'correct', reasons: '裁量理由未说明适用的裁量基准阶次，请补充', findings };
    const draft = await reviewer.post(`/api/cases/${id}/documents/draft`, {
      kind: 'legal_review_opinion',
      action: 'record_review_opinion',
      payload,
    });
    assert.equal(draft.status, 200, draft.text);
    assert.equal(draft.body.title, '法制审核意见书');
    assert.equal(draft.body.numbered, true);
    const fromCase = draft.body.fields
      .filter((f: { fromCase?: boolean }) => f.fromCase)
      .map((f: { key: string }) => f.key);
    for (const key of [
      'caseName',
      'party',
      'submitter',
      'round',
      'proposal',
      'findings',
      'opinion',
      'reasons',
      'reviewer',
    ])
      assert.ok(fromCase.includes(key), `${key} is read-only, from the case`);
    const d = draft.body.data;
    assert.equal(d.caseName, '法制审核意见书测试案');
    assert.equal(d.submitter, '刘海涛', 'the round’s submitter');
    assert.equal(d.round, 1);
    assert.equal(d.proposal, '罚款人民币30,000.00元。');
    assert.equal(d.opinion, '纠正');
    assert.equal(d.reasons, payload.reasons);
    assert.equal(d.findings.length, 8);
    assert.equal(d.findings[4].result, '存在问题');
    assert.equal(d.findings[4].note, '裁量理由未引用裁量基准');

    // Refused with nothing changed: another opinion kind, other reasons, another reviewer.
    const before = await detail(id);
    for (const [field, value] of [
      ['opinion', '同意'],
      ['reasons', '同意'],
      ['reviewer', '王立新'],
    ] as const) {
      const document = await completedDraft(
        reviewer,
        id,
        'legal_review_opinion',
        { action: 'record_review_opinion', payload },
        { [field]: value },
      );
      const r = await step(reviewer, id, 'record_review_opinion', payload, { document });
      assert.equal(r.status, 400, `${field}: ${r.text}`);
      assert.equal(r.body.error.code, 'DOCUMENT_DISAGREES_WITH_CASE', `${field}: ${r.text}`);
      assert.equal(r.body.error.field, field);
      assert.match(r.body.error.message, /[\u4e00-\u9fff]/);
      const after = await detail(id);
      assert.equal(after.version, before.version, `${field}: nothing changed`);
      assert.equal(after.documents.length, before.documents.length, `${field}: no document`);
      assert.equal(after.legalReview.status, 'in_review');
    }

    const document = await completedDraft(reviewer, id, 'legal_review_opinion', {
      action: 'record_review_opinion',
      payload,
    });
    await ok(reviewer, id, 'record_review_opinion', payload, { document });
    const c = await detail(id);
    assert.equal(c.legalReview.status, 'corrected');
    const doc = c.documents.find((x: { kind: string }) => x.kind === 'legal_review_opinion');
    assert.ok(doc, 'the opinion is a document of the case');
    assert.match(doc.number, /^.+法审〔\d{4}〕\d+号$/, `numbered 法审: ${doc.number}`);
    const pdf = await fetch(`${server.url}/api/documents/${doc.id}/pdf`, {
      headers: { cookie: reviewer.cookie },
    });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    // The ledger holds the signed version (document.version entry by id and content hash).
    const logged = await (await fetch(`${server.url}/api/ledger/records/${doc.id}`)).json();
    assert.ok(JSON.stringify(logged).includes(doc.contentHash), 'the document is in the ledger');

    // The next round's opinion is taken without a document: it is offered, not required (rounds before it).
    await ok(officer1, id, 'submit_legal_review', {
      penalty: FINE,
      facts: '当事人在学校周边销售超过保质期的食品，货值金额八千元',
      provisions: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
      discretion: '依《蚌埠市市场监管行政处罚裁量基准》从重情形，罚款三万元',
      reviewerOfficerId: desk.reviewerOfficerId,
      response: '已补充裁量基准及阶次',
    });
    await ok(reviewer, id, 'record_review_opinion', {
      opinion: 'agree',
      reasons: '事实清楚，证据确凿，适用法律正确，裁量适当',
      findings: REVIEW_CHECKLIST.map((p) => ({ point: p.point, ok: true })),
    });
    const done = await detail(id);
    assert.equal(done.legalReview.status, 'agreed');
    assert.equal(
      done.documents.filter((x: { kind: string }) => x.kind === 'legal_review_opinion').length,
      1,
      'the document is offered, not required',
    );
  });
});
