import assert from 'node:assert/strict';
import { REVIEW_CHECKLIST } from '../../src/modules/cases/rules/legal-review.ts';
import { makeUscc } from '../../src/platform/identifiers/uscc.ts';
import { completedDraft } from './documents.ts';
import { shanghaiDay, storeEvidence } from './records.ts';
import { type Client, loggedIn, type TestServer } from './server.ts';

export const FINE = { kinds: ['fine'], fineFen: 3_000_000 };

async function ok(c: Client, id: string, action: string, payload: object = {}, extra: object = {}) {
  const r = await c.post(`/api/cases/${id}/transitions`, { action, payload, ...extra });
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.body;
}

/** The demo's 市场监管局 desk a review walk needs: its officers, head and reviewer, an item, the team. */
export type ReviewDesk = {
  officer1: Client;
  officer2: Client;
  head: Client;
  reviewer: Client;
  itemId: string;
  team: string[];
  reviewerOfficerId: string;
};

export async function reviewDesk(server: TestServer): Promise<ReviewDesk> {
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
  return { officer1, officer2, head, reviewer, itemId, team, reviewerOfficerId };
}

/** A company for a walk (a USCC of its own per test file). */
export const company = (name: string, first17: string) => ({
  type: 'legal_person',
  name,
  idNumber: makeUscc(first17),
  representative: '韩立群',
});

/**
 * A lead filed as a case, its investigation closed on one stored record, the proposal approved by the head,
 * the rights notice of `fine` served and the rights period closed by a written waiver: the decision is next.
 */
export async function decisionPendingCase(
  d: ReviewDesk,
  title: string,
  party: ReturnType<typeof company>,
  fine: object = FINE,
): Promise<string> {
  const lead = await d.officer1.post('/api/cases', {
    procedure: 'lead',
    itemId: d.itemId,
    title,
    payload: { source: 'complaint', summary: '群众举报学校周边商店销售过期食品' },
  });
  assert.equal(lead.status, 201, lead.text);
  const filed = await ok(
    d.head,
    lead.body.id,
    'file',
    { violationOn: shanghaiDay(-20) },
    { case: { teamOfficerIds: d.team, party } },
  );
  const caseId = filed.filedCaseId as string;
  await storeEvidence(d.officer1, caseId);
  await ok(d.officer1, caseId, 'submit_for_review');
  await ok(d.head, caseId, 'approve_proposal', { penalty: fine, opinion: '同意按此告知' });
  const notice = { penalty: fine, servedOn: shanghaiDay() };
  await ok(d.officer1, caseId, 'notify_rights', notice, {
    document: await completedDraft(d.officer1, caseId, 'penalty_rights_notice', {
      action: 'notify_rights',
      payload: notice,
    }),
  });
  await ok(d.officer2, caseId, 'close_rights_period', { waived: true, waiverRef: '当事人书面放弃陈述申辩' });
  return caseId;
}

/** The case pending its decision, marked major (涉及重大公共利益) and submitted to the demo's reviewer. */
export async function submittedForReview(
  d: ReviewDesk,
  title: string,
  party: ReturnType<typeof company>,
): Promise<string> {
  const caseId = await decisionPendingCase(d, title, party);
  await ok(d.officer1, caseId, 'mark_review_grounds', {
    grounds: ['major_public_interest'],
    reason: '涉及学校周边食品安全，社会关注度高',
  });
  await ok(d.officer1, caseId, 'submit_legal_review', {
    penalty: FINE,
    facts: '当事人在学校周边销售超过保质期的食品，货值金额八千元',
    provisions: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    discretion: '涉及学生群体，从重处罚',
    reviewerOfficerId: d.reviewerOfficerId,
  });
  return caseId;
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
  const d = await reviewDesk(server);
  const { officer1, head, reviewer } = d;
  const caseId = await submittedForReview(d, title, company('蚌埠追溯测试食品有限公司', '91340300MA2N9R4T0'));
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

/**
 * A case decided by the head without a legal review (a fine under every catalogue threshold), its
 * 决定书 saying `facts`: the decision a publication starts from. Answers the case id.
 */
export async function decidedCase(
  d: ReviewDesk,
  title: string,
  party: object,
  facts: string,
  fine: object = { kinds: ['warning', 'fine'], fineFen: 200_000 },
): Promise<string> {
  const caseId = await decisionPendingCase(d, title, party as ReturnType<typeof company>, fine);
  await ok(
    d.head,
    caseId,
    'decide',
    { penalty: fine },
    {
      document: await completedDraft(
        d.head,
        caseId,
        'penalty_decision',
        { action: 'decide', payload: { penalty: fine } },
        { facts },
      ),
    },
  );
  return caseId;
}
