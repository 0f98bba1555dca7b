import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { SAMPLE_DATA } from '../src/modules/cases/documents/samples.ts';
import { createUser } from '../src/platform/auth/service.ts';
import { queryRows } from '../src/platform/db/index.ts';
import { residentIdCheckChar } from '../src/platform/identifiers/resident-id.ts';
import { makeUscc } from '../src/platform/identifiers/uscc.ts';
import { completedDraft } from './helpers/documents.ts';
import { approveProposal, shanghaiDay, storeEvidence } from './helpers/records.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';
import { DEMO_PASSWORD } from './helpers/template.ts';

// Case handling over real HTTP: a lead filed as a case and carried through the ordinary procedure to
// the archive, with every guard the law sets refusing what it must.
let server: TestServer;
let officer1: Client;
let officer2: Client;
let head: Client;
let itemId: string;
let team: string[];
const residentId = (first17: string) => first17 + residentIdCheckChar(first17);
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const company = {
  type: 'legal_person',
  name: '蚌埠淮畔餐饮管理有限公司',
  idNumber: makeUscc('91340300MA2N7H3C0'),
  representative: '周海燕',
};

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

async function step(c: Client, caseId: string, action: string, payload: object = {}, extra: object = {}) {
  return c.post(`/api/cases/${caseId}/transitions`, { action, payload, ...extra });
}
async function ok(c: Client, caseId: string, action: string, payload: object = {}, extra: object = {}) {
  const r = await step(c, caseId, action, payload, extra);
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.body;
}

/** A lead registered by an officer and filed by the head: the case, in investigation. */
async function filedCase(title = '涉嫌未取得食品经营许可从事食品经营活动案'): Promise<string> {
  const lead = await officer1.post('/api/cases', {
    procedure: 'lead',
    itemId,
    title,
    payload: { source: 'complaint', summary: '群众举报某餐饮公司无证经营' },
  });
  assert.equal(lead.status, 201, lead.text);
  const filed = await ok(
    head,
    lead.body.id,
    'file',
    { violationOn: shanghaiDay(-40) },
    { case: { teamOfficerIds: team, party: company } },
  );
  assert.ok(filed.filedCaseId);
  return filed.filedCaseId;
}

describe('ordinary procedure over HTTP', () => {
  test('lead → filing → review → rights notice → decision → service → execution → closing → archiving', async () => {
    const caseId = await filedCase();
    let c = (await officer1.get(`/api/cases/${caseId}`)).body;
    assert.equal(c.state, 'investigation');
    assert.equal(c.stateLabel.length > 0, true);
    assert.equal(c.party.name, company.name);
    assert.ok(
      c.clocks.some((k: { key: string }) => k.key === 'decision'),
      'the 90-day decision clock runs from filing',
    );
    assert.ok(c.actions.some((a: { action: string }) => a.action === 'submit_for_review'));

    const doc = async (kind: keyof typeof SAMPLE_DATA) => {
      const data = await completedDraft(officer1, caseId, kind);
      const r = await officer1.post(`/api/cases/${caseId}/documents`, { kind, data });
      assert.equal(r.status, 201, `${kind}: ${r.text}`);
    };
    await doc('filing_approval');
    await storeEvidence(officer1, caseId);
    await ok(officer1, caseId, 'submit_for_review');
    const fine = { kinds: ['fine'], fineFen: 500_000 };
    await approveProposal(head, caseId, fine);
    const notice = await ok(
      officer1,
      caseId,
      'notify_rights',
      { penalty: fine, servedOn: today },
      {
        document: await completedDraft(officer1, caseId, 'penalty_rights_notice', {
          action: 'notify_rights',
          payload: { penalty: fine, servedOn: today },
        }),
      },
    );
    assert.ok(notice.documentId, 'the rights notice is issued in the same step');
    await ok(officer2, caseId, 'close_rights_period', {
      waived: true,
      waiverRef: '当事人书面声明放弃陈述、申辩',
    });
    const decided = await ok(
      head,
      caseId,
      'decide',
      { penalty: fine },
      {
        document: await completedDraft(head, caseId, 'penalty_decision', {
          action: 'decide',
          payload: { penalty: fine },
        }),
      },
    );
    assert.match(decided.case.snapshot.documentNo, /^蚌市监处罚〔\d{4}〕\d+号$/);
    await ok(officer1, caseId, 'serve', { method: 'direct', servedOn: today });
    c = (await officer1.get(`/api/cases/${caseId}`)).body;
    const payment = c.clocks.find((k: { key: string }) => k.key === 'payment');
    assert.ok(payment, 'the 15-day payment clock runs from service');
    await ok(officer1, caseId, 'record_execution', { executedOn: today, paidFen: 500_000 });
    await ok(head, caseId, 'close');
    // R7: the case file must hold the documents the steps called for; archiving refuses until it does.
    const incomplete = await step(officer1, caseId, 'archive');
    assert.equal(incomplete.status, 400);
    assert.equal(incomplete.body.error.code, 'CASE_FILE_INCOMPLETE');
    assert.deepEqual(
      incomplete.body.error.reasons.map((r: { message: string }) => r.message.match(/「(.+?)」/)?.[1]),
      ['送达回证', '结案审批表'],
    );
    await doc('service_receipt');
    await doc('closing_approval');
    const archived = await ok(officer1, caseId, 'archive');
    assert.equal(archived.state, 'archived');
    const file = (await head.get(`/api/cases/${caseId}/case-file`)).body;
    assert.equal(file.intact, true);
    assert.equal(file.completeness.complete, true);
    assert.deepEqual(
      file.items.map((i: { kind: string }) => i.kind),
      // The evidence stored before the investigation ended (a scan captured two hours earlier, step
      // `other`) is filed too, in the order of its capture.
      [
        'other',
        'filing_approval',
        'penalty_rights_notice',
        'penalty_decision',
        'service_receipt',
        'closing_approval',
      ],
    );
    assert.deepEqual(
      file.items.map((i: { seq: number }) => i.seq),
      [1, 2, 3, 4, 5, 6],
    );

    c = (await head.get(`/api/cases/${caseId}`)).body;
    assert.deepEqual(
      c.events.map((e: { action: string }) => e.action),
      [
        'open',
        'submit_for_review',
        'approve_proposal',
        'notify_rights',
        'close_rights_period',
        'decide',
        'serve',
        'record_execution',
        'close',
        'archive',
      ],
    );
    for (const e of c.events) {
      assert.equal(e.actor.kind, 'staff');
      assert.match(e.at, /^\d{4}-\d{2}-\d{2}T/);
      assert.match(e.calendarVersion, /^2019-2026:/);
      assert.match(e.rulebookVersion, /^national:/);
    }
    assert.equal(c.documents.length, 5);

    // Every step and document is in the public ledger, with an inclusion proof under a signed head.
    const logged = await (await fetch(`${server.url}/api/ledger/records/${c.documents[1].id}`)).json();
    assert.equal(
      logged.entries?.[0]?.entry.contentHash ?? logged.items?.[0]?.entry.contentHash,
      c.documents[1].contentHash,
    );
    const events = await (await fetch(`${server.url}/api/ledger/records/${caseId}`)).json();
    assert.equal((events.entries ?? events.items).length, c.events.length);
    const sth = await (await fetch(`${server.url}/api/ledger/sth`)).json();
    assert.ok(sth.treeSize > 0);
    assert.match(sth.signature, /^[0-9a-f]+$/);
    const portal = await (await fetch(`${server.url}/ledger`)).text();
    assert.match(portal, /<h1>存证账本<\/h1>/);
    assert.match(portal, new RegExp(sth.rootHash));
  });

  test('issued documents verify publicly, render to a sealed PDF for staff, and an edited row is caught', async () => {
    const caseId = await filedCase('文书核验测试案');
    const doc = await officer1.post(`/api/cases/${caseId}/documents`, {
      kind: 'inquiry_record',
      data: await completedDraft(officer1, caseId, 'inquiry_record'),
    });
    assert.equal(doc.status, 201, doc.text);
    const anon = await fetch(`${server.url}/api/public/documents/${doc.body.id}`);
    const check = await anon.json();
    assert.equal(check.unaltered, true);
    assert.equal(check.signatureValid, true);
    assert.equal(check.signatureAlgorithm, 'SM2-SM3');
    // No personal data on the public check.
    // No personal data on the public check: neither the interviewee's name nor their ID number.
    const person = SAMPLE_DATA.inquiry_record.interviewee as { name: string; residentIdNumber: string };
    assert.ok(!JSON.stringify(check).includes(person.residentIdNumber), 'no resident ID number');
    assert.ok(!JSON.stringify(check).includes(person.name), 'no name of the interviewee');
    const page = await (await fetch(`${server.url}/documents/${doc.body.id}`)).text();
    assert.match(page, /文书真实有效/);

    const pdf = await fetch(`${server.url}/api/documents/${doc.body.id}/pdf`, {
      headers: { cookie: officer1.cookie },
    });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(bytes.length < 400_000, `PDF ${bytes.length} bytes`);
    assert.equal((await fetch(`${server.url}/api/documents/${doc.body.id}/pdf`)).status, 401);

    await server.database.db.execute(
      sql`update documents set content = jsonb_set(content, '{title}', '"某某笔录"') where id = ${doc.body.id}::uuid`,
    );
    const tampered = await (await fetch(`${server.url}/api/public/documents/${doc.body.id}`)).json();
    assert.equal(tampered.unaltered, false);
    assert.equal(tampered.signatureValid, false);
    assert.match(await (await fetch(`${server.url}/documents/${doc.body.id}`)).text(), /核验未通过/);
  });
});

describe('lighter lifecycles', () => {
  test('summary procedure: a warning decided on the spot, then closed after reporting (art. 51-52)', async () => {
    const opened = await officer1.post('/api/cases', {
      procedure: 'summary',
      itemId,
      title: '当场处罚测试',
      party: { type: 'natural_person', name: '吴长林', idNumber: residentId('34030319750618201') },
      teamOfficerIds: team,
    });
    assert.equal(opened.status, 201, opened.text);
    const id = opened.body.id;
    const onSpot = (fineFen: number) => ({ penalty: { kinds: ['fine'], fineFen }, rightsNotified: true });
    const decision = (fineFen: number) =>
      completedDraft(
        officer1,
        id,
        'on_spot_penalty_decision',
        { action: 'decide_on_spot', payload: onSpot(fineFen) },
        { decidedAt: `${today}T10:00`, place: '蚌埠市蚌山区纬四路与胜利路交口' },
      );
    // Above the on-the-spot limit for a natural person (200 yuan): refused.
    const tooMuch = await step(officer1, id, 'decide_on_spot', onSpot(30_000), {
      document: await decision(30_000),
    });
    assert.equal(tooMuch.status, 400);
    // The 当场行政处罚决定书 is the decision (art. 52): a typed number without it is refused.
    const typed = await step(officer1, id, 'decide_on_spot', {
      ...onSpot(10_000),
      documentNo: '蚌市监简罚〔2026〕1号',
    });
    assert.equal(typed.status, 400, typed.text);
    assert.equal(typed.body.error.code, 'DOCUMENT_REQUIRED');
    const decided = await ok(officer1, id, 'decide_on_spot', onSpot(10_000), {
      document: await decision(10_000),
    });
    assert.match(decided.case.snapshot.documentNo, /^蚌市监简罚〔\d{4}〕\d+号$/, 'numbered in sequence');
    await ok(officer1, id, 'record_execution', { executedOn: today, paidFen: 10_000 });
    const closed = await ok(officer1, id, 'close', { reportedOn: today });
    assert.equal(closed.state, 'closed');
  });

  test('inspection: planned → inspected → rectification → verified', async () => {
    const items = (await officer1.get('/api/items?type=inspection')).body.items;
    const opened = await officer1.post('/api/cases', {
      procedure: 'inspection',
      itemId: items[0].id,
      title: '日常检查测试',
      party: company,
      teamOfficerIds: team,
    });
    assert.equal(opened.status, 201, opened.text);
    const id = opened.body.id;
    await ok(officer1, id, 'inspect', { inspectedOn: today, findings: '标签不全' });
    await ok(officer1, id, 'order_rectification', { rectifyBy: today, requirement: '补全标签' });
    const done = await ok(officer2, id, 'verify_rectification', { verifiedOn: today, result: '已整改' });
    assert.equal(done.state, 'closed');
  });
});

describe('approvals (审批): evidence before the review, the head approves the proposal, never the handler', () => {
  const caseOf = async (id: string) => (await head.get(`/api/cases/${id}`)).body;
  /** Refused with `code` (400, in Chinese), and the case is as it was: same state, same version. */
  const refusedUnchanged = async (c: Client, id: string, action: string, payload: object, code: string) => {
    const before = await caseOf(id);
    const r = await step(c, id, action, payload);
    assert.equal(r.status, 400, `${action}: ${r.text}`);
    assert.equal(r.body.error.code, code, `${action}: ${r.text}`);
    assert.match(r.body.error.message, /[\u4e00-\u9fff]/, `${action}: the message is Chinese`);
    const after = await caseOf(id);
    assert.equal(after.snapshot.version, before.snapshot.version, `${action}: the version is unchanged`);
    assert.equal(after.events.length, before.events.length, `${action}: no event written`);
    assert.equal(after.state, before.state, `${action}: the state is unchanged`);
    return r.body.error as { code: string; message: string; field?: string };
  };
  const fine = { kinds: ['fine'], fineFen: 500_000 };

  test('an investigation with no evidence stored is not closed: EVIDENCE_REQUIRED, then allowed with one', async () => {
    const id = await filedCase('证据要求测试案');
    const e = await refusedUnchanged(officer1, id, 'submit_for_review', {}, 'EVIDENCE_REQUIRED');
    assert.match(e.message, /尚未保存任何证据/);
    await storeEvidence(officer1, id);
    assert.equal((await ok(officer1, id, 'submit_for_review')).state, 'case_review', 'one record is enough');
  });

  test('the rights notice waits for the head’s approval and announces exactly the approved penalty', async () => {
    const id = await filedCase('拟处罚意见审批测试案');
    await storeEvidence(officer1, id);
    await ok(officer1, id, 'submit_for_review');
    const page = await caseOf(id);
    const offered = page.actions.find((a: { action: string }) => a.action === 'approve_proposal');
    assert.ok(offered, 'the head is offered 审批拟处罚意见');
    assert.equal(offered.label, '审批拟处罚意见');
    assert.equal(offered.mine, true, 'the head performs it');
    assert.deepEqual(
      offered.inputs.map((i: { key: string; kind: string; label: string }) => [i.key, i.kind, i.label]),
      [
        ['penalty', 'penalty', '处罚内容'],
        ['opinion', 'text', '负责人审批意见'],
      ],
    );
    const notify = { penalty: fine, servedOn: today };
    await refusedUnchanged(officer1, id, 'notify_rights', notify, 'PROPOSAL_NOT_APPROVED');
    const byOfficer = await step(officer1, id, 'approve_proposal', { penalty: fine, opinion: '同意' });
    assert.equal(byOfficer.status, 403, 'an officer does not approve');
    await refusedUnchanged(head, id, 'approve_proposal', { penalty: fine }, 'INPUT_REQUIRED');

    await approveProposal(head, id, fine, '同意，依法告知。');
    const approved = (await caseOf(id)).snapshot.approvedProposal;
    assert.deepEqual(approved.penalty, fine, 'the approved penalty');
    assert.equal(approved.approverName, '高志刚', 'the acting head');
    assert.equal(approved.opinion, '同意，依法告知。');
    assert.equal(approved.approvedOn, today);
    const more = await refusedUnchanged(
      officer1,
      id,
      'notify_rights',
      { penalty: { kinds: ['fine'], fineFen: 600_000 }, servedOn: today },
      'PROPOSAL_DIFFERS_FROM_APPROVAL',
    );
    assert.equal(more.field, 'penalty');
    assert.match(more.message, /6000\.00元.*5000\.00元/, 'both amounts, in 元');
    await refusedUnchanged(
      officer1,
      id,
      'notify_rights',
      { penalty: { kinds: ['fine', 'warning'], fineFen: 500_000 }, servedOn: today },
      'PROPOSAL_DIFFERS_FROM_APPROVAL',
    );

    // Returned for further investigation, the proposal is made and approved again.
    await ok(head, id, 'return_for_investigation', { reason: '补充调查违法所得' });
    assert.equal((await caseOf(id)).snapshot.approvedProposal, null, 'the approval is cleared');
    await ok(officer1, id, 'submit_for_review');
    await refusedUnchanged(officer1, id, 'notify_rights', notify, 'PROPOSAL_NOT_APPROVED');
    await approveProposal(head, id, fine);
    const notice = await completedDraft(officer1, id, 'penalty_rights_notice', {
      action: 'notify_rights',
      payload: notify,
    });
    assert.equal(
      (await ok(officer1, id, 'notify_rights', notify, { document: notice })).state,
      'rights_notice',
    );
  });

  test('a head who is the case’s own handler is refused every approval with APPROVAL_BY_HANDLER', async () => {
    // An agency head who also holds officer 1’s certificate: on the team of every case filed here.
    const me = (await head.get('/api/auth/me')).body.user;
    await createUser(server.database.db, {
      username: 'scjg_head_handler',
      displayName: '刘海涛（兼机关负责人）',
      password: DEMO_PASSWORD,
      role: 'agency_head',
      agencyId: me.agencyId,
      officerId: team[0],
    });
    const handler = await loggedIn(server, 'scjg_head_handler');

    const id = await filedCase('承办人员审批测试案');
    await storeEvidence(officer1, id);
    await ok(officer1, id, 'submit_for_review');
    const e = await refusedUnchanged(
      handler,
      id,
      'approve_proposal',
      { penalty: fine, opinion: '同意' },
      'APPROVAL_BY_HANDLER',
    );
    assert.match(e.message, /是本案承办人员/);
    await refusedUnchanged(
      handler,
      id,
      'decide_no_penalty',
      { reason: '违法行为轻微并及时改正', documentNo: '蚌市监不罚〔2026〕1号' },
      'APPROVAL_BY_HANDLER',
    );
    await refusedUnchanged(handler, id, 'approve_extension', { reason: '案情复杂' }, 'APPROVAL_BY_HANDLER');

    // Filing a lead with a team that includes the head: refused, the lead unchanged, no case opened.
    const lead = await officer1.post('/api/cases', {
      procedure: 'lead',
      itemId,
      title: '承办人员立案审批测试案',
      payload: { source: 'complaint', summary: '举报' },
    });
    assert.equal(lead.status, 201, lead.text);
    const cases = async () =>
      (await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from cases`))[0]!.n;
    const before = await cases();
    const beforeLead = await caseOf(lead.body.id);
    const filing = await step(
      handler,
      lead.body.id,
      'file',
      { violationOn: shanghaiDay(-40) },
      { case: { teamOfficerIds: team, party: company } },
    );
    assert.equal(filing.status, 400, filing.text);
    assert.equal(filing.body.error.code, 'APPROVAL_BY_HANDLER');
    assert.equal(await cases(), before, 'no case opened');
    const afterLead = await caseOf(lead.body.id);
    assert.equal(afterLead.snapshot.version, beforeLead.snapshot.version, 'the lead is unchanged');
    assert.equal(afterLead.state, 'registered');
    // The direct filing (the ordinary opening) proposing a team with the head on it, likewise.
    const direct = await handler.post('/api/cases', {
      procedure: 'ordinary',
      itemId,
      title: '承办人员直接立案测试案',
      party: company,
      teamOfficerIds: team,
      payload: { leadId: lead.body.id, violationOn: shanghaiDay(-40) },
    });
    assert.equal(direct.status, 400, direct.text);
    assert.equal(direct.body.error.code, 'APPROVAL_BY_HANDLER');
    assert.equal(await cases(), before, 'nothing opened');
  });
});

describe('guards that can never be bypassed', () => {
  test('auxiliary staff never act; an officer not on the team cannot act', async () => {
    const caseId = await filedCase('辅助人员测试案');
    const aux = await loggedIn(server, 'scjg_aux');
    const r = await step(aux, caseId, 'submit_for_review');
    assert.equal(r.status, 403);
    assert.match(r.body.error.code, /AUXILIARY_CANNOT_ACT|ACTOR_NOT_ON_TEAM/);
    const reviewer = await loggedIn(server, 'scjg_reviewer');
    const r2 = await step(reviewer, caseId, 'submit_for_review');
    assert.equal(r2.status, 403);
  });

  test('the case page marks as `mine` exactly the steps the rules let the caller perform', async () => {
    // The console shows a button only for `mine`: a step marked `mine` must never be refused because
    // of who the caller is, and a step not marked must be.
    const PERFORMER_CODES = new Set([
      'ACTOR_NOT_ALLOWED',
      'ACTOR_NOT_ON_TEAM',
      'ACTOR_NOT_HEARING_HOST',
      'AUXILIARY_CANNOT_ACT',
      'CERTIFICATE_NOT_VALID',
      'REGION_NOT_COVERED',
    ]);
    type Action = { action: string; mine: boolean; whyNot: string | null };
    const codes = (r: { body: { error?: { code: string; reasons?: { code: string }[] } } }) =>
      r.body.error ? [r.body.error.code, ...(r.body.error.reasons ?? []).map((x) => x.code)] : [];
    const users = ['scjg_officer1', 'scjg_officer2', 'scjg_head', 'scjg_reviewer', 'scjg_admin', 'scjg_aux'];
    const clients = new Map(
      await Promise.all(users.map(async (u) => [u, await loggedIn(server, u)] as const)),
    );
    const lead = async () => {
      const r = await officer1.post('/api/cases', {
        procedure: 'lead',
        itemId,
        title: '办理人测试案源',
        payload: { source: 'complaint', summary: '群众举报' },
      });
      assert.equal(r.status, 201, r.text);
      return r.body.id as string;
    };
    let mineSeen = 0;
    let othersSeen = 0;
    for (const fresh of [lead, () => filedCase('办理人测试案')]) {
      const caseId = await fresh();
      const mine: [string, string][] = [];
      for (const [u, c] of clients) {
        const page = (await c.get(`/api/cases/${caseId}`)).body;
        for (const a of page.actions as Action[]) {
          if (a.mine) {
            mine.push([u, a.action]);
            continue;
          }
          othersSeen++;
          const r = await step(c, caseId, a.action);
          assert.ok(r.status >= 400, `${u} ${a.action}: not mine, yet ${r.status}`);
          assert.ok(
            codes(r).some((x) => PERFORMER_CODES.has(x)),
            `${u} ${a.action}: refused, but not for who they are: ${r.text}`,
          );
          // A reason is given when the step would be theirs but for them (an auxiliary, a lapsed certificate).
          const own = codes(r).filter((x) => PERFORMER_CODES.has(x) && !x.startsWith('ACTOR_NOT_'));
          assert.equal(
            a.whyNot !== null,
            own.length > 0,
            `${u} ${a.action}: whyNot ${a.whyNot} for ${r.text}`,
          );
          if (own.includes('AUXILIARY_CANNOT_ACT')) assert.match(a.whyNot ?? '', /执法辅助人员/);
        }
      }
      // Each step marked `mine` on a record of its own: it may still need inputs, never another performer.
      for (const [u, action] of mine) {
        mineSeen++;
        const r = await step(clients.get(u)!, await fresh(), action);
        assert.ok(
          !codes(r).some((x) => PERFORMER_CODES.has(x)),
          `${u} ${action}: marked mine, refused for who they are: ${r.text}`,
        );
      }
    }
    assert.ok(mineSeen > 3 && othersSeen > 10, `${mineSeen} mine, ${othersSeen} others`);
  });

  test('filing needs at least two certified officers on the team (行政处罚法 art. 42)', async () => {
    const lead = await officer1.post('/api/cases', {
      procedure: 'lead',
      itemId,
      title: '一人承办测试',
      payload: { source: 'inspection', summary: '检查发现' },
    });
    const r = await step(
      head,
      lead.body.id,
      'file',
      { violationOn: shanghaiDay(-40) },
      { case: { teamOfficerIds: [team[0]], party: company } },
    );
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'TOO_FEW_CERTIFIED_OFFICERS');
    // Nothing was written: the lead is still registered.
    assert.equal((await officer1.get(`/api/cases/${lead.body.id}`)).body.state, 'registered');
  });

  test('an illegal transition is refused with a stable code and a Chinese reason', async () => {
    const caseId = await filedCase('非法操作测试案');
    const r = await step(head, caseId, 'close');
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'ILLEGAL_TRANSITION');
    assert.match(r.body.error.message, /[\u4e00-\u9fff]/);
  });

  test('a decision after a hearing is locked until legal review agrees (L5)', async () => {
    const caseId = await filedCase('重大执法决定测试案');
    await storeEvidence(officer1, caseId);
    await ok(officer1, caseId, 'submit_for_review');
    await ok(officer1, caseId, 'flag_complex', { reason: '涉及多个法律关系' });
    const fine = { kinds: ['fine'], fineFen: 500_000 };
    await approveProposal(head, caseId, fine);
    const notify = { penalty: fine, servedOn: today };
    const notice = await completedDraft(officer1, caseId, 'penalty_rights_notice', {
      action: 'notify_rights',
      payload: notify,
    });
    await ok(officer1, caseId, 'notify_rights', notify, { document: notice });
    await ok(officer2, caseId, 'close_rights_period', { waived: true, waiverRef: '书面放弃' });
    await ok(head, caseId, 'submit_to_collective_discussion');
    const before = await queryRows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from documents`,
    );
    const r = await step(
      head,
      caseId,
      'decide',
      { penalty: fine, discussionRecord: '局务会纪要' },
      {
        document: await completedDraft(head, caseId, 'penalty_decision', {
          action: 'decide',
          payload: { penalty: fine, discussionRecord: '局务会纪要' },
        }),
      },
    );
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'LEGAL_REVIEW_NOT_AGREED');
    // The refused decision took no document number and wrote no document.
    const afterRows = await queryRows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from documents`,
    );
    assert.deepEqual(afterRows, before);
    // The rules are asked before the document is drafted: even a document that could not be issued is
    // answered with the rule that refuses the step.
    const malformed = await step(
      head,
      caseId,
      'decide',
      { penalty: fine, discussionRecord: '局务会纪要' },
      {
        document: {
          ...(await completedDraft(head, caseId, 'penalty_decision', {
            action: 'decide',
            payload: { penalty: fine, discussionRecord: '局务会纪要' },
          })),
          facts: '',
        },
      },
    );
    assert.equal(malformed.status, 409, malformed.text);
    assert.equal(malformed.body.error.code, 'LEGAL_REVIEW_NOT_AGREED');
  });

  test('another agency cannot see or touch the case', async () => {
    const caseId = await filedCase('跨机关测试案');
    const cg = await loggedIn(server, 'cg_officer1');
    assert.equal((await cg.get(`/api/cases/${caseId}`)).status, 404);
    assert.equal((await step(cg, caseId, 'submit_for_review')).status, 404);
  });
});

describe('audio/video records and clock warnings', () => {
  test('a seizure cannot be applied until its video is attached (R4); then it runs 30 days', async () => {
    const items = (await officer1.get('/api/items?type=coercive')).body.items;
    const opened = await officer1.post('/api/cases', {
      procedure: 'coercive',
      itemId: items[0].id,
      title: '扣押测试',
      party: company,
      teamOfficerIds: team,
      payload: { measure: 'seize', property: '过期食品一批', reason: '防止流入市场' },
    });
    assert.equal(opened.status, 201, opened.text);
    const id = opened.body.id;
    await ok(head, id, 'approve');
    const refused = await step(
      officer1,
      id,
      'apply',
      { appliedOn: today },
      {
        document: await completedDraft(
          officer1,
          id,
          'coercive_measure_decision',
          { action: 'apply', payload: { appliedOn: today } },
          { items: SAMPLE_DATA.coercive_measure_decision.items },
        ),
      },
    );
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'AV_RECORD_REQUIRED');
    const devices = (await officer1.get('/api/devices')).body.items;
    const camera = devices.find(
      (d: { holder: { officerId: string } | null }) => d.holder?.officerId === team[0],
    );
    const fd = new FormData();
    fd.set('stepKey', 'coercive_application');
    fd.set('mediaType', 'video');
    fd.set('title', '执法记录仪视频');
    fd.set('capturedAt', new Date().toISOString());
    fd.set('deviceId', camera.id);
    fd.set('officerId', team[0]!);
    fd.set('location', '蚌埠市淮上区沫河口工业园');
    fd.set('file', new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'video/mp4' }), 'seize.mp4');
    const attached = await officer1.request('POST', `/api/cases/${id}/evidence`, fd);
    assert.equal(attached.status, 201, attached.text);
    const applied = await ok(
      officer1,
      id,
      'apply',
      { appliedOn: today },
      {
        document: await completedDraft(
          officer1,
          id,
          'coercive_measure_decision',
          { action: 'apply', payload: { appliedOn: today } },
          { items: SAMPLE_DATA.coercive_measure_decision.items },
        ),
      },
    );
    assert.equal(applied.state, 'in_effect');
    const term = applied.case.clocks.find((k: { key: string }) => k.key === 'coerciveTerm');
    assert.ok(term, 'the 30-day term clock');
    assert.equal(term.days, 30);
    assert.match(applied.case.snapshot.documentNo, /^蚌市监强制〔\d{4}〕\d+号$/);
  });

  test("warnings list the clocks about to run out on the caller's cases", async () => {
    const r = await head.get('/api/cases/warnings');
    assert.equal(r.status, 200);
    for (const k of r.body.items)
      assert.ok(['warning', 'overdue', 'defaulted'].includes(k.status.state), `${k.key}: ${k.status.state}`);
    // The demo has a served decision whose publication deadline is close or past.
    assert.ok(r.body.items.length > 0);
  });
});

describe('per-agency document wording', () => {
  test('an agency’s own wording goes into new documents; documents issued before still verify', async () => {
    const admin = await loggedIn(server, 'scjg_admin');
    const agencyId = (await admin.get('/api/auth/me')).body.user.agencyId;
    const caseId = await filedCase('文书格式测试案');
    const before = await officer1.post(`/api/cases/${caseId}/documents`, {
      kind: 'inspection_record',
      data: await completedDraft(officer1, caseId, 'inspection_record'),
    });
    assert.equal(before.status, 201, before.text);
    const set = await admin.request('PUT', `/api/agencies/${agencyId}/document-settings`, {
      abbreviation: '蚌市监',
      templateOverrides: { inspection_record: { text: { findings: '现场检查情况如下：{{findings}}' } } },
    });
    assert.equal(set.status, 200, set.text);
    const bad = await admin.request('PUT', `/api/agencies/${agencyId}/document-settings`, {
      abbreviation: '蚌市监',
      templateOverrides: { inspection_record: { text: { noSuchBlock: 'x' } } },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'INVALID_TEMPLATE_OVERRIDE');
    const after = await officer1.post(`/api/cases/${caseId}/documents`, {
      kind: 'inspection_record',
      data: await completedDraft(officer1, caseId, 'inspection_record'),
    });
    const { queryRows } = await import('../src/platform/db/index.ts');
    const rows = await queryRows<{ id: string; content: string }>(
      server.database.db,
      sql`select id, content::text as content from documents where id in (${before.body.id}::uuid, ${after.body.id}::uuid)`,
    );
    const text = (id: string) => rows.find((r) => r.id === id)!.content;
    assert.match(text(after.body.id), /现场检查情况如下/);
    assert.doesNotMatch(text(before.body.id), /现场检查情况如下/);
    for (const id of [before.body.id, after.body.id]) {
      const check = await (await fetch(`${server.url}/api/public/documents/${id}`)).json();
      assert.equal(check.unaltered, true);
      assert.equal(check.signatureValid, true);
    }
    const cg = await loggedIn(server, 'cg_admin');
    assert.equal(
      (await cg.request('PUT', `/api/agencies/${agencyId}/document-settings`, { abbreviation: 'X' })).status,
      404,
    );
  });
});

describe('case numbers', () => {
  test('an agency sets its 案号 pattern; a pattern that cannot number cases is refused', async () => {
    const admin = await loggedIn(server, 'scjg_admin');
    const agencyId = (await admin.get('/api/auth/me')).body.user.agencyId;
    const before = (await admin.get(`/api/agencies/${agencyId}/document-settings`)).body;
    assert.equal(before.caseNumberPattern, '{机关代字}立〔{年}〕{序号}号', 'the default pattern');
    const put = (caseNumberPattern?: string) =>
      admin.request('PUT', `/api/agencies/${agencyId}/document-settings`, {
        abbreviation: before.abbreviation,
        templateOverrides: before.templateOverrides,
        ...(caseNumberPattern ? { caseNumberPattern } : {}),
      });
    for (const bad of ['{机关代字}立〔{年}〕号', '{机关代字}立{序号}号', '{机关}立〔{年}〕{序号}号']) {
      const r = await put(bad);
      assert.equal(r.status, 400, `${bad}: ${r.text}`);
      assert.equal(r.body.error.field, 'caseNumberPattern');
      assert.match(r.body.error.message, /案号格式/);
    }
    const set = await put('{机关代字}案〔{年}〕第{序号}号');
    assert.equal(set.status, 200, set.text);
    const id = await filedCase('案号格式测试案');
    const c = (await head.get(`/api/cases/${id}`)).body;
    assert.match(c.caseNumber, /^蚌市监案〔\d{4}〕第\d+号$/, 'numbered by the agency’s pattern');
    assert.equal((await put()).status, 200, 'back to the default');
  });
});

describe('document numbers', () => {
  test('parallel decisions get unique, gap-free numbers', async () => {
    const n = 4;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = await filedCase(`并发决定测试案${i}`);
      await storeEvidence(officer1, id);
      await ok(officer1, id, 'submit_for_review');
      const notify = { penalty: { kinds: ['warning'] }, servedOn: today };
      await approveProposal(head, id, notify.penalty);
      const notice = await completedDraft(officer1, id, 'penalty_rights_notice', {
        action: 'notify_rights',
        payload: notify,
      });
      await ok(officer1, id, 'notify_rights', notify, { document: notice });
      await ok(officer2, id, 'close_rights_period', { waived: true, waiverRef: '书面放弃' });
      ids.push(id);
    }
    const numbersBefore = await queryRows<{ seq: number }>(
      server.database.db,
      sql`select seq from documents where kind = 'penalty_decision' and seq is not null order by seq`,
    );
    const decisions = await Promise.all(
      ids.map((id) =>
        completedDraft(head, id, 'penalty_decision', {
          action: 'decide',
          payload: { penalty: { kinds: ['warning'] } },
        }),
      ),
    );
    const results = await Promise.all(
      ids.map((id, i) =>
        step(head, id, 'decide', { penalty: { kinds: ['warning'] } }, { document: decisions[i] }),
      ),
    );
    for (const r of results) assert.equal(r.status, 200, r.text);
    const seqs = (
      await queryRows<{ seq: number }>(
        server.database.db,
        sql`select seq from documents where kind = 'penalty_decision' and seq is not null order by seq`,
      )
    ).map((r) => r.seq);
    const start = numbersBefore.length;
    assert.deepEqual(
      seqs,
      Array.from({ length: start + n }, (_, i) => i + 1),
    );
    const nos = results.map((r) => r.body.case.snapshot.documentNo);
    assert.equal(new Set(nos).size, n);
  });
});

// Was a bug: every step answered the whole case page and so audited a read of the party's personal
// data nobody asked for; the console's reload after the step then wrote a second one.
describe('reads of the party’s personal data', () => {
  const partyReads = async (caseId: string) =>
    (
      await queryRows<{ n: number }>(
        server.database.db,
        sql`select count(*)::int as n from audit_log a
            join cases c on c.party_id::text = a.target_id
            where a.action = 'party.read_personal' and c.id = ${caseId}`,
      )
    )[0]!.n;

  test('a step shows the party by name only and audits no read; opening the case page audits one', async () => {
    const caseId = await filedCase();
    await storeEvidence(officer1, caseId);
    const before = await partyReads(caseId);
    const r = await officer1.post(`/api/cases/${caseId}/transitions`, {
      action: 'submit_for_review',
      payload: {},
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.case.party.name, company.name);
    assert.equal(r.body.case.party.idNumber, undefined, 'no identifiers in the step’s answer');
    assert.equal(await partyReads(caseId), before, 'the step wrote no read of personal data');
    const page = await officer1.get(`/api/cases/${caseId}`);
    assert.equal(page.body.party.idNumber, company.idNumber);
    assert.equal(await partyReads(caseId), before + 1, 'the page the officer opened is one audited read');
  });
});

describe('the case list', () => {
  test('one row per case (a filed lead lives on as its case), searched by title, party or 文号', async () => {
    const caseId = await filedCase('涉嫌销售无中文标签进口食品案（列表测试）');
    const lead = (await officer1.get(`/api/cases/${caseId}`)).body.leadId;
    assert.ok(lead, 'the case was filed from a lead');
    const all = async (query: string) => {
      const r = await head.get(`/api/cases?pageSize=200&${query}`);
      assert.equal(r.status, 200, r.text);
      return r.body.items.map((i: { id: string }) => i.id) as string[];
    };
    const everything = await all('');
    assert.ok(everything.includes(caseId), 'the case is listed');
    assert.ok(!everything.includes(lead), 'its filed lead is not listed beside it');
    assert.ok((await all('procedure=lead')).includes(lead), 'the lead register still shows it');

    assert.deepEqual(await all(`q=${encodeURIComponent('无中文标签')}`), [caseId], 'by title');
    const byParty = await all(`q=${encodeURIComponent('淮畔餐饮')}`);
    assert.ok(byParty.includes(caseId), 'by the party’s name');
    assert.deepEqual(await all(`q=${encodeURIComponent('%')}`), [], 'a % is a character, not a pattern');
    const decided = (await head.get('/api/cases?procedure=ordinary&pageSize=200')).body.items.find(
      (i: { documentNo: string | null }) => i.documentNo,
    );
    assert.ok(decided, 'the demo has a decided case');
    assert.deepEqual(await all(`q=${encodeURIComponent(decided.documentNo)}`), [decided.id], 'by 文号');
    const bad = await head.get(`/api/cases?q=`);
    assert.equal(bad.status, 400, 'an empty search is refused with the envelope');
  });
});
