import assert from 'node:assert/strict';
import { REVIEW_CHECKLIST } from '../../src/modules/cases/rules/legal-review.ts';
import { makeUscc } from '../../src/platform/identifiers/uscc.ts';
import { completedDraft } from './documents.ts';
import { shanghaiDay, storeEvidence } from './records.ts';
import { type Client, loggedIn, type TestServer } from './server.ts';

const FINE = { kinds: ['fine'], fineFen: 3_000_000 };

async function ok(c: Client, id: string, action: string, payload: object = {}, extra: object = {}) {
  const r = await c.post(`/api/cases/${id}/transitions`, { action, payload, ...extra });
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.body;
}

/**
 * A case of 蚌埠市市场监督管理局 walked over HTTP through a whole legal review (行政处罚法 art. 58): marked
 * major, submitted to 陈志远, corrected on the facts, disputed by 刘海涛, settled by 高志刚 in collective
 * discussion, and decided with a fine of 30,000 元. Answers the case id.
 */
export async function reviewedAndDecidedCase(
  server: TestServer,
  title: string,
  /** `submitted`: stop once the first round is submitted (the reviewer's opinion is next). */
  until: 'decided' | 'submitted' = 'decided',
): Promise<string> {
  const officer1 = await loggedIn(server, 'scjg_officer1');
  const officer2 = await loggedIn(server, 'scjg_officer2');
  const head = await loggedIn(server, 'scjg_head');
  const reviewer = await loggedIn(server, 'scjg_reviewer');
  const items = (await officer1.get('/api/items?type=penalty')).body.items;
  const itemId = items.find((i: { code: string }) => i.code === 'SCJG-CF-001').id;
  const team = await Promise.all(
    [officer1, officer2].map(async (c) => (await c.get('/api/auth/me')).body.user.officerId),
  );
  const reviewerOfficerId = (await reviewer.get('/api/auth/me')).body.user.officerId;
  const lead = await officer1.post('/api/cases', {
    procedure: 'lead',
    itemId,
    title,
    payload: { source: 'complaint', summary: '群众举报学校周边商店销售过期食品' },
  });
  assert.equal(lead.status, 201, lead.text);
  const company = {
    type: 'legal_person',
    name: '蚌埠追溯测试食品有限公司',
    idNumber: makeUscc('91340300MA2N9R4T0'),
    representative: '韩立群',
  };
  const filed = await ok(
    head,
    lead.body.id,
    'file',
    { violationOn: shanghaiDay(-20) },
    { case: { teamOfficerIds: team, party: company } },
  );
  const caseId = filed.filedCaseId as string;
  await storeEvidence(officer1, caseId);
  await ok(officer1, caseId, 'submit_for_review');
  await ok(head, caseId, 'approve_proposal', { penalty: FINE, opinion: '同意按此告知' });
  const notice = { penalty: FINE, servedOn: shanghaiDay() };
  await ok(officer1, caseId, 'notify_rights', notice, {
    document: await completedDraft(officer1, caseId, 'penalty_rights_notice', {
      action: 'notify_rights',
      payload: notice,
    }),
  });
  await ok(officer2, caseId, 'close_rights_period', { waived: true, waiverRef: '当事人书面放弃陈述申辩' });
  await ok(officer1, caseId, 'mark_review_grounds', {
    grounds: ['major_public_interest'],
    reason: '涉及学校周边食品安全',
  });
  await ok(officer1, caseId, 'submit_legal_review', {
    penalty: FINE,
    facts: '当事人在学校周边销售超过保质期的食品',
    provisions: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    discretion: '涉及学生群体，从重处罚',
    reviewerOfficerId,
  });
  if (until === 'submitted') return caseId;
  const findings = REVIEW_CHECKLIST.map((p) =>
    p.point === 'facts'
      ? { point: p.point, ok: false, note: '货值金额证据不足' }
      : { point: p.point, ok: true },
  );
  await ok(reviewer, caseId, 'record_review_opinion', {
    opinion: 'correct',
    reasons: '货值证据不足，请补充',
    findings,
  });
  await ok(officer1, caseId, 'dispute_review_opinion', { reasons: '进货单据和销售记录已足以证明货值' });
  await ok(head, caseId, 'coordinate_review', {
    outcome: 'agree',
    reasons: '经局长办公会集体讨论，认定货值证据充分',
    collectiveDiscussion: true,
  });
  await ok(
    head,
    caseId,
    'decide',
    { penalty: FINE },
    {
      document: await completedDraft(head, caseId, 'penalty_decision', {
        action: 'decide',
        payload: { penalty: FINE },
      }),
    },
  );
  return caseId;
}
