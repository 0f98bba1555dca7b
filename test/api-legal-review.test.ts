import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { REVIEW_CHECKLIST } from '../src/modules/cases/rules/legal-review.ts';
import { completedDraft } from './helpers/documents.ts';
import { shanghaiDay } from './helpers/records.ts';
import { company, decisionPendingCase, FINE, type ReviewDesk, reviewDesk } from './helpers/review.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// Legal review (法制审核, 行政处罚法 art. 58) over real HTTP on the demo: a major case is decided only on
// the latest round's agreement to what is decided; every refusal names its code and changes nothing.
let server: TestServer;
let officer1: Client;
let officer2: Client;
let head: Client;
let reviewer: Client;
let desk: ReviewDesk;
let team: string[];
let reviewerOfficerId: string;
const party = company('蚌埠审核测试食品有限公司', '91340300MA2N9R4D0');
const ALL_OK = REVIEW_CHECKLIST.map((p) => ({ point: p.point, ok: true }));
const SUBMISSION = {
  penalty: FINE,
  facts: '当事人在学校周边销售超过保质期的食品，货值金额八千元',
  provisions: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
  discretion: '涉及学生群体，从重处罚',
};

before(async () => {
  server = await startServer();
  desk = await reviewDesk(server);
  ({ officer1, officer2, head, reviewer, team, reviewerOfficerId } = desk);
});
after(async () => {
  await server?.close();
});

type Answer = {
  status: number;
  text: string;
  body: { error: { code: string; field?: string; message: string } };
};
const step = (c: Client, id: string, action: string, payload: object = {}, extra: object = {}) =>
  c.post(`/api/cases/${id}/transitions`, { action, payload, ...extra });
async function ok(c: Client, id: string, action: string, payload: object = {}, extra: object = {}) {
  const r = await step(c, id, action, payload, extra);
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.body;
}
const detail = async (id: string) => (await officer1.get(`/api/cases/${id}`)).body;
/** Refused with this status and code, in Chinese, and the case unchanged. */
async function refused(r: Answer, id: string, version: number, status: number, code: string, what: string) {
  assert.equal(r.status, status, `${what}: ${r.text}`);
  assert.equal(r.body.error.code, code, `${what}: ${r.text}`);
  assert.match(r.body.error.message, /[\u4e00-\u9fff]/, `${what}: the reason is in Chinese`);
  assert.equal((await detail(id)).version, version, `${what}: nothing changed`);
}

/** A filed case notified of `fine`, its rights period closed: the decision is next. */
const decisionPending = (title: string, fine: object = FINE) => decisionPendingCase(desk, title, party, fine);
async function decide(id: string, penalty: object = FINE) {
  return step(
    head,
    id,
    'decide',
    { penalty },
    {
      document: await completedDraft(head, id, 'penalty_decision', {
        action: 'decide',
        payload: { penalty },
      }),
    },
  );
}
const mine = (c: { actions: { action: string; mine: boolean }[] }, action: string) =>
  c.actions.some((a) => a.action === action && a.mine);

describe('legal review of a major decision (行政处罚法 art. 58)', () => {
  test('marked major, corrected, resubmitted, agreed, decided — and every bypass refused on the way', async () => {
    const id = await decisionPending('法制审核全流程测试案');
    let c = await detail(id);
    assert.deepEqual(
      { required: c.legalReview.required, status: c.legalReview.status },
      { required: false, status: 'not_required' },
      'an ordinary fine with no catalogue entry and no grounds needs no review',
    );
    await ok(officer1, id, 'mark_review_grounds', {
      grounds: ['major_public_interest'],
      reason: '涉及学校周边食品安全，社会关注度高',
    });
    c = await detail(id);
    assert.equal(c.legalReview.status, 'pending');
    assert.equal(c.legalReview.required, true);
    assert.deepEqual(c.legalReview.grounds, ['涉及重大公共利益']);

    const early = await decide(id);
    await refused(early, id, c.version, 409, 'LEGAL_REVIEW_NOT_AGREED', 'decided before any review');
    assert.match(early.body.error.message, /尚未送法制审核.*第五十八条/);

    // Separation (L6): a member of the team never reviews the case; a non-reviewer is outside the unit.
    await refused(
      await step(officer1, id, 'submit_legal_review', { ...SUBMISSION, reviewerOfficerId: team[1] }),
      id,
      c.version,
      400,
      'REVIEWER_HANDLED_CASE',
      'reviewed by a handler',
    );
    await ok(officer1, id, 'submit_legal_review', { ...SUBMISSION, reviewerOfficerId });
    c = await detail(id);
    assert.equal(c.legalReview.status, 'in_review');
    assert.equal(c.legalReview.rounds, 1);
    const clock = c.clocks.find((k: { key: string }) => k.key === 'legalReview');
    assert.ok(clock, 'the review clock runs');
    assert.equal(clock.label, '法制审核期限');
    assert.equal(clock.days, 5, 'five working days (Anhui rule, rulebook default)');

    // The reviewer's workbench lists the round as theirs, with its clock and why the case is major.
    const queue = (await reviewer.get('/api/reviews?mine=true&open=true')).body;
    const entry = queue.items.find((i: { caseId: string }) => i.caseId === id);
    assert.ok(entry, 'the round is on the reviewer’s workbench');
    assert.equal(entry.mine, true);
    assert.ok(queue.awaitingMe >= 1);
    assert.ok(entry.reasons.includes('涉及重大公共利益'), 'the ground marked by the officer');
    assert.equal(entry.clock.key, 'legalReview');
    assert.equal(entry.submittedBy, '刘海涛');
    const day = (await reviewer.get('/api/cases/my-day')).body;
    const task = day.tasks.items.find((t: { caseId: string }) => t.caseId === id);
    assert.deepEqual(
      task?.steps.map((x: { label: string }) => x.label),
      ['提出法制审核意见'],
      'the reviewer’s home page lists the review as a task',
    );
    const handlersQueue = (await officer1.get('/api/reviews?mine=true')).body;
    assert.ok(
      !handlersQueue.items.some((i: { caseId: string }) => i.caseId === id),
      'a handler has no review of their own case to do',
    );
    const agencyQueue = (await head.get('/api/reviews')).body;
    assert.ok(
      agencyQueue.items.some((i: { caseId: string; mine: boolean }) => i.caseId === id && !i.mine),
      'the head sees the agency’s reviews',
    );
    const asReviewer = (await reviewer.get(`/api/cases/${id}`)).body;
    assert.ok(mine(asReviewer, 'record_review_opinion'), 'the reviewer is offered the opinion');
    assert.ok(!mine(c, 'record_review_opinion'), 'the handler is not');
    await refused(
      await step(officer1, id, 'record_review_opinion', {
        opinion: 'agree',
        reasons: '同意',
        findings: ALL_OK,
      }),
      id,
      c.version,
      403,
      'ACTOR_NOT_ALLOWED',
      'an opinion by the handler',
    );
    await refused(
      await step(reviewer, id, 'record_review_opinion', { opinion: 'agree', findings: ALL_OK }),
      id,
      c.version,
      400,
      'REVIEW_REASONS_REQUIRED',
      'an opinion without reasons',
    );
    const law = ALL_OK.map((f) =>
      f.point === 'law' ? { ...f, ok: false, note: '裁量理由未引用裁量基准' } : f,
    );
    await ok(reviewer, id, 'record_review_opinion', {
      opinion: 'correct',
      reasons: '裁量理由未说明适用的裁量基准阶次，请补充',
      findings: law,
    });
    c = await detail(id);
    assert.equal(c.legalReview.status, 'corrected');
    await refused(await decide(id), id, c.version, 409, 'LEGAL_REVIEW_NOT_AGREED', 'decided after a 纠正');
    await refused(
      await step(officer1, id, 'submit_legal_review', {
        ...SUBMISSION,
        reviewerOfficerId,
        response: '已研究',
      }),
      id,
      c.version,
      400,
      'REVIEW_RESUBMISSION_UNCHANGED',
      'a resubmission without changes',
    );
    await ok(officer1, id, 'submit_legal_review', {
      ...SUBMISSION,
      discretion: '涉及学生群体，依《蚌埠市市场监管行政处罚裁量基准》从重情形，罚款三万元',
      reviewerOfficerId,
      response: '已补充裁量基准及阶次',
    });
    await ok(reviewer, id, 'record_review_opinion', {
      opinion: 'agree',
      reasons: '事实清楚，证据确凿，适用法律正确，裁量适当',
      findings: ALL_OK,
    });
    c = await detail(id);
    assert.equal(c.legalReview.status, 'agreed');
    assert.equal(c.legalReview.rounds, 2, 'both rounds are kept');
    assert.equal(c.snapshot.legalReview.rounds[0].opinion.kind, 'correct');

    // A stale form with another amount is refused: what is decided is what was reviewed.
    await refused(
      await step(head, id, 'decide', { penalty: { kinds: ['fine'], fineFen: 2_000_000 } }),
      id,
      c.version,
      409,
      'LEGAL_REVIEW_NOT_AGREED',
      'a changed amount after agreement',
    );
    const decided = await decide(id);
    assert.equal(decided.status, 200, decided.text);
    assert.equal(decided.body.state, 'decided');
    const again = await step(head, id, 'decide', { penalty: FINE });
    assert.equal(again.status, 409, 'no second decision');
    assert.equal(again.body.error.code, 'ILLEGAL_TRANSITION');
  });

  test('a disputed 纠正 goes to the head, whose coordination is recorded; re-flagging reopens review', async () => {
    const id = await decisionPending('审核意见协调测试案');
    await ok(officer1, id, 'mark_review_grounds', {
      grounds: ['complex_multiple_relations'],
      reason: '涉及多个经营主体和多个法律关系',
    });
    await ok(officer1, id, 'submit_legal_review', { ...SUBMISSION, reviewerOfficerId });
    const facts = ALL_OK.map((f) =>
      f.point === 'facts' ? { ...f, ok: false, note: '货值金额证据不足' } : f,
    );
    await ok(reviewer, id, 'record_review_opinion', {
      opinion: 'correct',
      reasons: '货值证据不足',
      findings: facts,
    });
    let c = await detail(id);
    await refused(
      await step(head, id, 'coordinate_review', { outcome: 'agree', reasons: '维持' }),
      id,
      c.version,
      400,
      'REVIEW_NO_DISPUTE',
      'coordination with no dispute',
    );
    await ok(officer1, id, 'dispute_review_opinion', { reasons: '进货单据和销售记录已足以证明货值' });
    const reviewersOwn = (await reviewer.get('/api/reviews?mine=true&open=true')).body;
    assert.ok(
      !reviewersOwn.items.some((i: { caseId: string }) => i.caseId === id),
      'a dispute is the head’s to settle, not waiting for the reviewer',
    );
    const headDay = (await head.get('/api/cases/my-day')).body;
    assert.ok(
      headDay.tasks.items.some(
        (t: { caseId: string; steps: { action: string }[] }) =>
          t.caseId === id && t.steps.some((x) => x.action === 'coordinate_review'),
      ),
      'the head’s home page lists the coordination',
    );
    c = await detail(id);
    assert.equal(c.legalReview.status, 'coordination');
    await refused(await decide(id), id, c.version, 409, 'LEGAL_REVIEW_NOT_AGREED', 'decided in coordination');
    await ok(head, id, 'coordinate_review', {
      outcome: 'agree',
      reasons: '经局长办公会集体讨论，认定货值证据充分',
      collectiveDiscussion: true,
    });
    c = await detail(id);
    assert.equal(c.legalReview.status, 'agreed');
    const labels = c.events.map((e: { actionLabel: string }) => e.actionLabel);
    assert.ok(labels.includes('协调审核意见分歧'), 'the coordination is in the history');
    // A new ground after agreement: what is decided now was not what was reviewed.
    await ok(officer1, id, 'mark_review_grounds', {
      grounds: ['complex_multiple_relations', 'major_public_interest'],
      reason: '另涉及学校周边食品安全',
    });
    c = await detail(id);
    const r = await decide(id);
    await refused(r, id, c.version, 409, 'LEGAL_REVIEW_NOT_AGREED', 'decided after re-flagging');
    assert.match(r.body.error.message, /须重新送法制审核/);
  });

  test('statistics per agency: opinions by kind, coordination, time taken, on time, and the 5% ratio', async () => {
    // The demo's rounds lie within the last 60 days, whatever today is.
    const r = await head.get(`/api/reviews/statistics?from=${shanghaiDay(-120)}&to=${shanghaiDay()}`);
    assert.equal(r.status, 200, r.text);
    const own = r.body.agencies.find((a: { agencyName: string }) => a.agencyName === '蚌埠市市场监督管理局');
    assert.ok(own, 'the head sees the agency');
    // The demo: one agreed round, two corrections, one coordination pending, two rounds open — plus the
    // rounds this file's other tests wrote.
    assert.ok(own.agree >= 1 && own.correct >= 2, JSON.stringify(own));
    assert.ok(own.open >= 2, `open rounds: ${own.open}`);
    assert.equal(
      own.onTime + own.late,
      own.agree + own.correct + own.transfer,
      'every opinion is on time or late',
    );
    assert.ok(own.averageWorkingDays !== null && own.averageWorkingDays >= 0);
    assert.equal(own.requiredRatio, 0.05, 'the 5% rule');
    assert.equal(own.ratioMet, own.reviewers >= Math.ceil(own.officers * 0.05), 'ratio against 5%');
    assert.equal(r.body.total.submitted >= own.submitted, true);
    const bad = await head.get('/api/reviews/statistics?from=0000-13-45');
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.body.error.code, 'INVALID_DATE');
    assert.equal(bad.body.error.field, 'from');
    const reversed = await head.get('/api/reviews/statistics?from=2026-12-01&to=2026-01-01');
    assert.equal(reversed.status, 400);
    const lastYear = (await head.get('/api/reviews/statistics?from=2020-01-01&to=2020-12-31')).body;
    assert.equal(lastYear.total.submitted, 0, 'nothing submitted in 2020');
  });

  test("the agency's catalogue decides: a fine at its threshold needs review, recorded with the entry and version", async () => {
    const big = { kinds: ['fine'], fineFen: 10_000_000 };
    const id = await decisionPending('目录清单认定重大案件测试案', big);
    let c = await detail(id);
    assert.equal(c.legalReview.required, true, '100,000 元 for a company is at the city catalogue threshold');
    assert.equal(c.legalReview.status, 'pending');
    assert.deepEqual(
      c.legalReview.matched.map((m: { label: string }) => m.label),
      ['对法人或者其他组织处以100,000元以上罚款'],
    );
    assert.equal(c.legalReview.catalogueVersion, 1);
    const r = await decide(id, big);
    await refused(r, id, c.version, 409, 'LEGAL_REVIEW_NOT_AGREED', 'decided without review');
    assert.match(
      r.body.error.message,
      /对法人或者其他组织处以100,000元以上罚款/,
      'the message names the entry',
    );
    // Just below the threshold the same case is not major: a decision of 99,999.99 元 is not locked by it.
    const below = await step(head, id, 'decide', { penalty: { kinds: ['fine'], fineFen: 9_999_999 } });
    assert.notEqual(below.body.error?.code, 'LEGAL_REVIEW_NOT_AGREED', `below the threshold: ${below.text}`);
    await ok(officer1, id, 'submit_legal_review', { ...SUBMISSION, penalty: big, reviewerOfficerId });
    c = await detail(id);
    const round = c.snapshot.legalReview.rounds[0];
    assert.equal(round.catalogueVersion, 1, 'the round records the version in force');
    assert.deepEqual(
      round.matched.map((m: { label: string }) => m.label),
      ['对法人或者其他组织处以100,000元以上罚款'],
    );
  });

  test('reviewers come from the review unit: a plain officer is refused, nothing written', async () => {
    const id = await decisionPending('审核人员资格测试案');
    await ok(officer1, id, 'mark_review_grounds', {
      grounds: ['other_law'],
      reason: '地方性法规规定须经法制审核',
    });
    const c = await detail(id);
    const other = (await loggedIn(server, 'scjg_officer3').catch(() => null)) ?? officer2;
    const otherId = (await other.get('/api/auth/me')).body.user.officerId;
    const r = await step(officer1, id, 'submit_legal_review', { ...SUBMISSION, reviewerOfficerId: otherId });
    assert.ok(
      ['REVIEWER_NOT_IN_REVIEW_UNIT', 'REVIEWER_HANDLED_CASE'].includes(r.body.error?.code),
      `refused: ${r.text}`,
    );
    assert.equal((await detail(id)).version, c.version, 'nothing changed');
    const none = await step(officer1, id, 'submit_legal_review', { ...SUBMISSION });
    await refused(none, id, c.version, 400, 'INPUT_REQUIRED', 'no reviewer named');
  });
});
