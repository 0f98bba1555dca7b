import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { REVIEW_CHECKLIST } from '../src/modules/cases/rules/legal-review.ts';
import { makeUscc } from '../src/platform/identifiers/uscc.ts';
import { completedDraft } from './helpers/documents.ts';
import { shanghaiDay, storeEvidence } from './helpers/records.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// The 法制审核意见书 over real HTTP on the demo: "each opinion is a signed document in the case file and the
// ledger" (行政处罚法 art. 58; 蚌埠任务分解方案 items 30–31). The record_review_opinion step issues it when
// given, numbered 法审; one that says another opinion than the step is refused and nothing changes.
let server: TestServer;
let officer1: Client;
let officer2: Client;
let head: Client;
let reviewer: Client;
let itemId: string;
let team: string[];
let reviewerOfficerId: string;
const company = {
  type: 'legal_person',
  name: '蚌埠审核意见书测试食品有限公司',
  idNumber: makeUscc('91340300MA2N9R5E0'),
  representative: '韩立群',
};
const FINE = { kinds: ['fine'], fineFen: 3_000_000 };

before(async () => {
  server = await startServer();
  officer1 = await loggedIn(server, 'scjg_officer1');
  officer2 = await loggedIn(server, 'scjg_officer2');
  head = await loggedIn(server, 'scjg_head');
  reviewer = await loggedIn(server, 'scjg_reviewer');
  const items = (await officer1.get('/api/items?type=penalty')).body.items;
  itemId = items.find((i: { code: string }) => i.code === 'SCJG-CF-001').id;
  team = await Promise.all(
    [officer1, officer2].map(async (c) => (await c.get('/api/auth/me')).body.user.officerId),
  );
  reviewerOfficerId = (await reviewer.get('/api/auth/me')).body.user.officerId;
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

/** A filed case notified of FINE, marked major and submitted for review to the demo's reviewer. */
async function inReview(title: string): Promise<string> {
  const lead = await officer1.post('/api/cases', {
    procedure: 'lead',
    itemId,
    title,
    payload: { source: 'complaint', summary: '群众举报学校周边商店销售过期食品' },
  });
  assert.equal(lead.status, 201, lead.text);
  const filed = await ok(
    head,
    lead.body.id,
    'file',
    { violationOn: shanghaiDay(-20) },
    { case: { teamOfficerIds: team, party: company } },
  );
  const id = filed.filedCaseId as string;
  await storeEvidence(officer1, id);
  await ok(officer1, id, 'submit_for_review');
  await ok(head, id, 'approve_proposal', { penalty: FINE, opinion: '同意按此告知' });
  const notice = { penalty: FINE, servedOn: shanghaiDay() };
  await ok(officer1, id, 'notify_rights', notice, {
    document: await completedDraft(officer1, id, 'penalty_rights_notice', {
      action: 'notify_rights',
      payload: notice,
    }),
  });
  await ok(officer2, id, 'close_rights_period', { waived: true, waiverRef: '当事人书面放弃陈述申辩' });
  await ok(officer1, id, 'mark_review_grounds', {
    grounds: ['major_public_interest'],
    reason: '涉及学校周边食品安全，社会关注度高',
  });
  await ok(officer1, id, 'submit_legal_review', {
    penalty: FINE,
    facts: '当事人在学校周边销售超过保质期的食品，货值金额八千元',
    provisions: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    discretion: '涉及学生群体，从重处罚',
    reviewerOfficerId,
  });
  return id;
}

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
      reviewerOfficerId,
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
