import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { REVIEW_CHECKLIST } from '../src/modules/cases/rules/legal-review.ts';
import { reviewedAndDecidedCase } from './helpers/review.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// The platform's answers to the 审核内容清单 (L3) and the decision's responsibility trail (L8, 蚌埠任务分解方案
// items 33–34) over real HTTP on the demo: a case corrected, disputed, coordinated in collective
// discussion and decided; both reads name people, days and certificates in Chinese, never an id.
let server: TestServer;
let reviewer: Client;
let cgAdmin: Client;
let supervisor: Client;
let caseId: string;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

before(async () => {
  server = await startServer();
  reviewer = await loggedIn(server, 'scjg_reviewer');
  cgAdmin = await loggedIn(server, 'cg_admin');
  supervisor = await loggedIn(server, 'supervisor');
  caseId = await reviewedAndDecidedCase(server, '责任追溯测试案');
});
after(async () => {
  await server?.close();
});

describe('legal review seen from the records (L3, L8)', () => {
  test('the checklist: eight points with the platform’s facts, in Chinese, no ids', async () => {
    const r = await reviewer.get(`/api/reviews/${caseId}/checklist`);
    assert.equal(r.status, 200, r.text);
    const points = r.body.points as { point: string; label: string; facts: string[]; attention: boolean }[];
    assert.deepEqual(
      points.map((p) => p.point),
      REVIEW_CHECKLIST.map((p) => p.point),
      'the 8 points in order',
    );
    assert.doesNotMatch(JSON.stringify(points), UUID, 'no ids are shown');
    const at = (k: string) => points.find((p) => p.point === k) as (typeof points)[number];
    assert.ok(at('agency').facts[0]?.includes('蚌埠市市场监督管理局'), at('agency').facts.join('/'));
    assert.ok(
      at('officers').facts.some((f) => f.includes('刘海涛') && f.includes('执法证件号')),
      at('officers').facts.join('/'),
    );
    assert.ok(
      at('officers').facts.some((f) => f.includes('证件有效')),
      'each step the officer took checked on its day',
    );
    assert.ok(
      at('procedure').facts.some((f) => f.includes('法制审核期限')),
      'the review clock is listed',
    );
    assert.ok(
      at('law').facts.some((f) => f.includes('罚款人民币30,000.00元')),
      at('law').facts.join('/'),
    );
    assert.ok(
      at('competence').facts.some((f) => f.includes('权责清单内')),
      at('competence').facts.join('/'),
    );
    assert.equal(at('competence').attention, false);
    assert.ok(
      at('documents').facts.some((f) => f.includes('行政处罚事先告知书')),
      at('documents').facts.join('/'),
    );
    assert.equal(at('crime').attention, false);
    assert.ok(at('crime').facts.includes('须由审核人员判断'));
    // The investigation closed on one stored record (EVIDENCE_REQUIRED), before the round was submitted.
    assert.equal(at('facts').attention, false, at('facts').facts.join('/'));
    assert.ok(at('facts').facts.includes('证据共1份，其中音像记录0份'), at('facts').facts.join('/'));
  });

  test('the trail: filing, team, rounds, opinion, dispute, coordination, decision with its 文号', async () => {
    const r = await supervisor.get(`/api/reviews/${caseId}/trail`);
    assert.equal(r.status, 200, r.text);
    const t = r.body;
    assert.doesNotMatch(JSON.stringify(t), UUID, 'no ids are shown');
    assert.equal(t.caseTitle, '责任追溯测试案');
    assert.equal(t.agencyName, '蚌埠市市场监督管理局');
    assert.ok(t.filed?.on, 'the filing day');
    assert.deepEqual(
      t.team.map((p: { name: string }) => p.name),
      ['刘海涛', '张晓梅'],
      'the team by name',
    );
    assert.ok(
      t.team.every((p: { certificateNo: string | null }) => p.certificateNo),
      'each handler has a certificate number',
    );
    assert.equal(t.rounds.length, 1);
    const round = t.rounds[0];
    assert.equal(round.submittedBy.name, '刘海涛');
    assert.ok(round.submittedBy.certificateNo, 'the submitter’s certificate');
    assert.equal(round.proposal, '罚款人民币30,000.00元');
    assert.equal(round.opinion.kindLabel, '纠正');
    assert.equal(round.opinion.reasons, '货值证据不足，请补充');
    assert.deepEqual(round.opinion.problems, [
      { label: '案件事实是否清楚，证据是否合法充分', note: '货值金额证据不足' },
    ]);
    assert.equal(round.opinion.passed, 7);
    assert.equal(round.dispute.by, '刘海涛');
    assert.equal(round.coordination.collectiveDiscussion, true);
    assert.equal(round.coordination.outcomeLabel, '采纳承办机构意见');
    assert.ok(t.decided, 'the decision is on the trail');
    assert.equal(t.decided.what, '作出行政处罚决定');
    assert.match(t.decided.documentNo ?? '', /〔\d{4}〕\d+号/, 'the decision’s 文号');
    assert.equal(t.decided.by.name, '高志刚', 'the head who decided');
    assert.equal(t.decided.by.certificateNo, null, 'the head holds no certificate in the demo');
  });

  test('outside the case’s scope both reads answer 404 CASE_NOT_FOUND; a bad id too', async () => {
    for (const path of [`/api/reviews/${caseId}/checklist`, `/api/reviews/${caseId}/trail`]) {
      const r = await cgAdmin.get(path);
      assert.equal(r.status, 404, `${path}: ${r.text}`);
      assert.equal(r.body.error.code, 'CASE_NOT_FOUND');
    }
    const bad = await reviewer.get('/api/reviews/nonsense/trail');
    assert.equal(bad.status, 404, bad.text);
  });
});
