import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { composeServices } from '../src/composition.ts';
import type { DocumentData } from '../src/modules/cases/documents/types.ts';
import { issueDocument } from '../src/modules/cases/service.ts';
import { queryRows } from '../src/platform/db/index.ts';
import { makeUscc } from '../src/platform/identifiers/uscc.ts';
import { completedDraft } from './helpers/documents.ts';
import { approveProposal, shanghaiDay, storeEvidence } from './helpers/records.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// Documents written from the case and checked against it, over real HTTP: the draft a form starts from,
// the live preview with its problems, and refusals when what the party would receive differs from what
// the case records (行政处罚法 arts. 44, 45, 59, 63) — refused with the field named, no number taken.
let server: TestServer;
let officer1: Client;
let officer2: Client;
let head: Client;
let itemId: string;
let team: string[];
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const company = {
  type: 'legal_person',
  name: '蚌埠淮河食品贸易有限公司',
  idNumber: makeUscc('91340300MA2N8K4L0'),
  representative: '陈立新',
};
const CJK = /[\u4e00-\u9fff]/;

before(async () => {
  server = await startServer();
  officer1 = await loggedIn(server, 'scjg_officer1');
  officer2 = await loggedIn(server, 'scjg_officer2');
  head = await loggedIn(server, 'scjg_head');
  const items = (await officer1.get('/api/items?type=penalty')).body.items;
  itemId = items.find((i: { code: string }) => i.code === 'SCJG-CF-001').id;
  team = await Promise.all(
    [officer1, officer2].map(async (c) => (await c.get('/api/auth/me')).body.user.officerId),
  );
});
after(async () => {
  await server?.close();
});

async function ok(c: Client, caseId: string, action: string, payload: object = {}, extra: object = {}) {
  const r = await c.post(`/api/cases/${caseId}/transitions`, { action, payload, ...extra });
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.body;
}

/** Filed, evidence stored, in review, with the head's approval of `proposal` (the penalty to notify). */
async function caseInReview(
  title: string,
  proposal: object = { kinds: ['fine'], fineFen: 20_000_000 },
): Promise<string> {
  const lead = await officer1.post('/api/cases', {
    procedure: 'lead',
    itemId,
    title,
    payload: { source: 'complaint', summary: '群众举报该公司无证经营' },
  });
  assert.equal(lead.status, 201, lead.text);
  const filed = await ok(
    head,
    lead.body.id,
    'file',
    { violationOn: shanghaiDay(-40) },
    { case: { teamOfficerIds: team, party: company } },
  );
  await storeEvidence(officer1, filed.filedCaseId);
  await ok(officer1, filed.filedCaseId, 'submit_for_review');
  await approveProposal(head, filed.filedCaseId, proposal);
  return filed.filedCaseId;
}

const documentCount = async () =>
  (await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from documents`))[0]?.n;

describe('documents as forms, written from the case and checked against it', () => {
  test('the draft names every field in Chinese and fills in what the case records', async () => {
    const caseId = await caseInReview('涉嫌未取得食品经营许可从事食品经营活动案（表单测试）');
    const r = await officer1.post(`/api/cases/${caseId}/documents/draft`, {
      kind: 'penalty_rights_notice',
      action: 'notify_rights',
      payload: { penalty: { kinds: ['fine'], fineFen: 20_000_000 }, servedOn: today },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.title, '行政处罚事先告知书');
    assert.equal(r.body.numbered, true);
    for (const f of r.body.fields) assert.match(f.label, CJK, `field ${f.key} has a Chinese label`);
    const d = r.body.data;
    assert.equal(d.party.name, company.name, 'the party from the case');
    assert.equal(d.party.uscc, company.idNumber);
    assert.equal(d.fineFen, 20_000_000, 'the fine of the step, in fen');
    assert.equal(d.caseCause, '未取得食品经营许可从事食品经营活动');
    // 200,000 元 for an organisation is a large fine: the hearing right follows (art. 63).
    assert.equal(d.hearingRight, '是');
    assert.equal(d.filingDate, today);

    // A kind the step does not issue, and a kind nobody issues on its own, are refused.
    const wrong = await officer1.post(`/api/cases/${caseId}/documents/draft`, {
      kind: 'penalty_decision',
      action: 'notify_rights',
    });
    assert.equal(wrong.status, 400, wrong.text);
    assert.equal(wrong.body.error.code, 'DOCUMENT_NOT_OF_STEP');
    const alone = await officer1.post(`/api/cases/${caseId}/documents/draft`, { kind: 'penalty_decision' });
    assert.equal(alone.status, 409, alone.text);
    assert.equal(alone.body.error.code, 'DOCUMENT_ISSUED_BY_STEP');
  });

  test('a 告知书 saying 1 元 and no hearing for a 200,000 元 case is refused, naming the fields; no number is taken', async () => {
    const caseId = await caseInReview('涉嫌经营超过保质期食品案（表单测试）');
    const payload = { penalty: { kinds: ['fine'], fineFen: 20_000_000 }, servedOn: today };
    const good = await completedDraft(officer1, caseId, 'penalty_rights_notice', {
      action: 'notify_rights',
      payload,
    });
    const bad = { ...good, fineFen: 100, hearingRight: '否' };

    const preview = await officer1.post(`/api/cases/${caseId}/documents/preview`, {
      kind: 'penalty_rights_notice',
      action: 'notify_rights',
      payload,
      data: bad,
    });
    assert.equal(preview.status, 200, preview.text);
    const fields = preview.body.problems.map((p: { field: string }) => p.field);
    assert.ok(fields.includes('fineFen'), `the preview names the fine: ${preview.text}`);
    assert.ok(fields.includes('hearingRight'), `the preview names the hearing right: ${preview.text}`);
    const fine = preview.body.problems.find((p: { field: string }) => p.field === 'fineFen');
    assert.match(fine.message, /罚款.*1\.00 元.*200,000\.00 元/, 'amounts in 元 in the message');
    assert.ok(preview.body.blocks.length > 5, 'the page is laid out even with problems');
    assert.equal(preview.body.issuedOn, today, 'dated today in Beijing');

    const before = await documentCount();
    const refused = await officer1.post(`/api/cases/${caseId}/transitions`, {
      action: 'notify_rights',
      payload,
      document: bad,
    });
    assert.equal(refused.status, 400, refused.text);
    assert.equal(refused.body.error.code, 'DOCUMENT_DISAGREES_WITH_CASE');
    assert.match(refused.body.error.message, CJK);
    assert.equal(await documentCount(), before, 'no document written');
    const c = (await officer1.get(`/api/cases/${caseId}`)).body;
    assert.equal(c.state, 'case_review', 'the case did not move');

    const clean = await officer1.post(`/api/cases/${caseId}/documents/preview`, {
      kind: 'penalty_rights_notice',
      action: 'notify_rights',
      payload,
      data: good,
    });
    assert.deepEqual(clean.body.problems, [], 'the draft as completed has no problem');
    const issued = await ok(officer1, caseId, 'notify_rights', payload, { document: good });
    assert.ok(issued.documentId, 'the notice is issued');
  });

  test('a 决定书 printing another amount or other provisions than notified is refused', async () => {
    const fine = { kinds: ['fine'], fineFen: 500_000 };
    const caseId = await caseInReview('涉嫌销售不符合食品安全标准的食品案（表单测试）', fine);
    const notice = await completedDraft(officer1, caseId, 'penalty_rights_notice', {
      action: 'notify_rights',
      payload: { penalty: fine, servedOn: today },
    });
    await ok(officer1, caseId, 'notify_rights', { penalty: fine, servedOn: today }, { document: notice });
    await ok(officer2, caseId, 'close_rights_period', { waived: true, waiverRef: '当事人书面声明放弃' });

    const decision = await completedDraft(head, caseId, 'penalty_decision', {
      action: 'decide',
      payload: { penalty: fine },
    });
    assert.equal(decision.facts, notice.facts, 'the facts come from the notice, not retyped');
    assert.equal(decision.violatedProvision, notice.violatedProvision);
    const before = await documentCount();
    const heavier = await head.post(`/api/cases/${caseId}/transitions`, {
      action: 'decide',
      payload: { penalty: fine },
      document: { ...decision, fineFen: 9_000_000 },
    });
    assert.equal(heavier.status, 400, heavier.text);
    assert.equal(heavier.body.error.code, 'DOCUMENT_DISAGREES_WITH_CASE');
    assert.equal(heavier.body.error.field, 'fineFen');
    assert.match(heavier.body.error.message, /90,000\.00 元.*5,000\.00 元/);

    const otherLaw = await head.post(`/api/cases/${caseId}/transitions`, {
      action: 'decide',
      payload: { penalty: fine },
      document: { ...decision, violatedProvision: '《中华人民共和国产品质量法》第四十九条' },
    });
    assert.equal(otherLaw.status, 400, otherLaw.text);
    assert.equal(otherLaw.body.error.code, 'DOCUMENT_DIFFERS_FROM_NOTICE');
    assert.equal(otherLaw.body.error.field, 'violatedProvision');
    assert.equal(await documentCount(), before, 'no document written, no number taken');

    // A typed 文号 with no 决定书 is refused: the decision is its document (art. 59).
    const typed = await head.post(`/api/cases/${caseId}/transitions`, {
      action: 'decide',
      payload: { penalty: fine, documentNo: '蚌市监处罚〔2026〕999号' },
    });
    assert.equal(typed.status, 400, typed.text);
    assert.equal(typed.body.error.code, 'DOCUMENT_REQUIRED');
    assert.match(typed.body.error.message, /行政处罚决定书/);
    assert.equal(await documentCount(), before, 'nothing written');
    const page = (await head.get(`/api/cases/${caseId}`)).body;
    const decide = page.actions.find((a: { action: string }) => a.action === 'decide');
    assert.ok(decide, 'the head may decide');
    assert.ok(
      decide.inputs.every((i: { key: string }) => i.key !== 'documentNo'),
      'no 文号 field: the number comes with the document',
    );

    const decided = await ok(head, caseId, 'decide', { penalty: fine }, { document: decision });
    assert.match(decided.case.snapshot.documentNo, /^蚌市监处罚〔\d{4}〕\d+号$/);

    // The 送达回证 comes with the service: the same method and day as the step records.
    const serve = { method: 'post', servedOn: today };
    const receipt = await completedDraft(officer1, caseId, 'service_receipt', {
      action: 'serve',
      payload: serve,
    });
    assert.equal(receipt.serviceMethod, '邮寄送达', 'the method of the step');
    assert.deepEqual(receipt.documents, [`行政处罚决定书（${decided.case.snapshot.documentNo}）`]);
    const wrongDay = await officer1.post(`/api/cases/${caseId}/transitions`, {
      action: 'serve',
      payload: serve,
      document: { ...receipt, serviceTime: '2026-01-05T10:00' },
    });
    assert.equal(wrongDay.status, 400, wrongDay.text);
    assert.equal(wrongDay.body.error.field, 'serviceTime');
    const served = await ok(officer1, caseId, 'serve', serve, {
      document: { ...receipt, serviceTime: `${today}T10:00` },
    });
    assert.ok(served.documentId, 'the receipt is issued with the service');
    await ok(officer1, caseId, 'record_execution', { executedOn: today, paidFen: 500_000 });
    const closing = await completedDraft(head, caseId, 'closing_approval', {
      action: 'close',
      payload: {},
    });
    assert.equal(closing.decisionSummary, '罚款人民币5,000.00元。', 'the decided penalty, in 元');
    assert.match(String(closing.executionStatus), /缴清罚没款人民币5,000\.00元/);
    // The 结案审批表 is the head's approval: drafted with the acting head, read-only, and their opinion.
    assert.equal(closing.agencyHead, '高志刚', 'the approver is the head taking the step');
    assert.equal(closing.agencyHeadDate, today);
    const form = await head.post(`/api/cases/${caseId}/documents/draft`, {
      kind: 'closing_approval',
      action: 'close',
      payload: {},
    });
    const headField = form.body.fields.find((f: { key: string }) => f.key === 'agencyHead');
    assert.equal(headField.fromCase, true, 'the approver is not typed in');
    const version = async () => (await head.get(`/api/cases/${caseId}`)).body.snapshot.version;
    const atClose = { version: await version(), documents: await documentCount() };
    for (const [data, code, field] of [
      [{ ...closing, agencyHeadOpinion: '' }, 'DOCUMENT_FIELD_REQUIRED', 'agencyHeadOpinion'],
      [{ ...closing, agencyHead: '张卫东' }, 'DOCUMENT_DISAGREES_WITH_CASE', 'agencyHead'],
    ] as const) {
      const r = await head.post(`/api/cases/${caseId}/transitions`, {
        action: 'close',
        payload: {},
        document: data,
      });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.body.error.code, code, r.text);
      assert.equal(r.body.error.field, field, r.text);
      assert.match(r.body.error.message, /机关负责人/, 'the field named in Chinese');
      assert.equal(await version(), atClose.version, `${field}: the case did not move`);
      assert.equal(await documentCount(), atClose.documents, `${field}: no form sealed`);
    }
    const closed = await ok(head, caseId, 'close', {}, { document: closing });
    assert.ok(closed.documentId, 'the closing form is issued with the closing');
    // The 立案审批表 is still issued on its own (the filing of a lead opens the case it belongs to).
    const filing = await officer1.post(`/api/cases/${caseId}/documents`, {
      kind: 'filing_approval',
      data: await completedDraft(officer1, caseId, 'filing_approval'),
    });
    assert.equal(filing.status, 201, filing.text);
    const archived = await ok(officer1, caseId, 'archive');
    assert.equal(archived.state, 'archived', 'the file is complete: every form came with its step');
  });

  test('a stand-alone record signed by someone outside the case team, or for another party, is refused', async () => {
    const caseId = await caseInReview('涉嫌未按规定公示食品经营许可证案（表单测试）');
    const record = await completedDraft(officer1, caseId, 'inspection_record');
    assert.equal((record.officers as unknown[]).length, 2, 'the team signs');
    const outsider = await officer1.post(`/api/cases/${caseId}/documents`, {
      kind: 'inspection_record',
      data: {
        ...record,
        officers: [(record.officers as unknown[])[0], { name: '王五', certificateNo: '34030019001' }],
      },
    });
    assert.equal(outsider.status, 400, outsider.text);
    assert.equal(outsider.body.error.code, 'DOCUMENT_DISAGREES_WITH_CASE');
    assert.equal(outsider.body.error.field, 'officers[1].certificateNo');
    const otherParty = await officer1.post(`/api/cases/${caseId}/documents`, {
      kind: 'inspection_record',
      data: { ...record, party: { ...(record.party as object), name: '另一家公司' } },
    });
    assert.equal(otherParty.status, 400, otherParty.text);
    assert.equal(otherParty.body.error.field, 'party.name');
    const issued = await officer1.post(`/api/cases/${caseId}/documents`, {
      kind: 'inspection_record',
      data: record,
    });
    assert.equal(issued.status, 201, issued.text);
  });
  test('a document bears the Beijing date of its issue: 00:30 and 23:30 in Beijing', async () => {
    const caseId = await caseInReview('涉嫌未按规定贮存食品案（日期测试）');
    const me = (await officer1.get('/api/auth/me')).body.user;
    const ctx = {
      actor: {
        userId: me.id,
        username: me.username,
        displayName: me.displayName,
        role: me.role,
        agencyId: me.agencyId,
        regionCode: me.regionCode,
        officerId: me.officerId,
      },
      origin: { ip: '127.0.0.1', userAgent: 'document-forms test' },
    };
    const deps = composeServices(server.config).cases;
    const data = await completedDraft(officer1, caseId, 'inspection_record');
    const issuedOn = async (instant: string) => {
      const d = await issueDocument(
        server.database.db,
        ctx,
        deps,
        caseId,
        'inspection_record',
        data as DocumentData,
        new Date(instant),
      );
      const [row] = await queryRows<{ on: string }>(
        server.database.db,
        sql`select content->>'issuedOn' as on from documents where id = ${d.id}::uuid`,
      );
      return row?.on;
    };
    // 00:30 on 2 December in Beijing is still 1 December in UTC; 23:30 is 15:30 UTC the same day.
    assert.equal(await issuedOn('2026-12-01T16:30:00Z'), '2026-12-02', 'issued at 00:30 Beijing time');
    assert.equal(await issuedOn('2026-12-02T15:30:00Z'), '2026-12-02', 'issued at 23:30 Beijing time');
  });
});
