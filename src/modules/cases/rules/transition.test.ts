import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findClock } from './clocks.ts';
import { REVIEW_CHECKLIST } from './legal-review.ts';
import {
  AUX,
  codes,
  ctxOn,
  Driver,
  HEAD,
  ITEMS,
  NO_REVIEW,
  O1,
  O2,
  O3,
  officer,
  PARTY,
  REVIEWER,
  REVIEWER_RECORD,
  snapshotAt,
} from './test-fixtures.ts';
import { applyTransition, openCase, replayEvents } from './transition.ts';

const TEAM = ['o1', 'o2', 'x1'];
const FINE_200K = { kinds: ['fine'], fineFen: 20_000_000 };
const ALL_POINTS_OK = REVIEW_CHECKLIST.map((p) => ({ point: p.point, ok: true }));

describe('lead lifecycle', () => {
  test('registered → filed, with the head approving', () => {
    const d = new Driver(
      'lead',
      { source: 'complaint', summary: '群众举报销售过期食品' },
      ctxOn('2025-06-02', { actor: officer(O1) }),
    );
    assert.equal(d.snapshot.state, 'registered');
    assert.deepEqual(
      codes(d.try('file', { violationOn: '2025-05-20' }, ctxOn('2025-06-02', { actor: officer(O1) }))),
      ['ACTOR_NOT_ALLOWED'],
    );
    d.do('file', { violationOn: '2025-05-20' }, ctxOn('2025-06-02'));
    assert.equal(d.snapshot.state, 'filed');
    assert.deepEqual(codes(d.try('close_lead', { reason: 'x' }, ctxOn('2025-06-02'))), [
      'ILLEGAL_TRANSITION',
    ]);
  });

  test('registered → closed with a reason; → transferred', () => {
    const ctx = ctxOn('2025-06-02', { actor: officer(O1) });
    const d = new Driver('lead', { source: 'inspection', summary: '检查发现' }, ctx);
    assert.deepEqual(codes(d.try('close_lead', {}, ctxOn('2025-06-03'))), ['INPUT_REQUIRED']);
    d.do('close_lead', { reason: '不属于本机关管辖' }, ctxOn('2025-06-03'));
    assert.equal(d.snapshot.state, 'closed');
    const e = new Driver('lead', { source: 'assignment', summary: '上级交办' }, ctx);
    e.do('transfer', { recipient: '蚌埠市生态环境局', reason: '属于生态环境部门管辖' }, ctxOn('2025-06-03'));
    assert.equal(e.snapshot.state, 'transferred');
  });
});

describe('ordinary procedure end to end', () => {
  test('filing → investigation → review → notice → hearing → collective discussion → decision → service → execution → closing → archiving', () => {
    const d = new Driver(
      'ordinary',
      {
        leadId: 'l1',
        violationOn: '2024-12-02',
        teamOfficerIds: TEAM,
        partyId: 'p1',
        partyType: 'legal_person',
      },
      ctxOn('2025-06-02'),
    );
    assert.equal(d.snapshot.state, 'investigation');
    assert.equal(d.snapshot.dates.filedOn, '2025-06-02');
    assert.deepEqual(d.snapshot.teamOfficerIds, TEAM);

    d.do(
      'flag_complex',
      { reason: '涉案金额大、涉及多个当事人' },
      ctxOn('2025-06-05', { actor: officer(O1) }),
    );
    d.do('submit_for_review', {}, ctxOn('2025-06-16', { actor: officer(O1) }));
    assert.equal(d.snapshot.state, 'case_review');
    d.do('approve_proposal', { penalty: FINE_200K, opinion: '同意拟处罚意见' }, ctxOn('2025-06-18'));
    assert.equal(d.snapshot.approvedProposal?.approverName, '赵局长', 'the approver is recorded');
    d.do(
      'notify_rights',
      { penalty: FINE_200K, servedOn: '2025-06-20' },
      ctxOn('2025-06-20', { actor: officer(O2) }),
    );
    assert.equal(d.snapshot.hearingEligible, true);
    assert.match(d.snapshot.hearingBasis[0] ?? '', /较大数额罚款/);
    d.do(
      'record_statement',
      { statement: '我公司已整改，请求从轻处罚' },
      ctxOn('2025-06-23', { actor: PARTY }),
    );
    d.do('request_hearing', {}, ctxOn('2025-06-24', { actor: PARTY }));
    assert.equal(d.snapshot.state, 'hearing');
    d.do(
      'schedule_hearing',
      { hearingDate: '2025-07-10', noticeServedOn: '2025-06-30', hostOfficerId: 'o3' },
      ctxOn('2025-06-30', { actor: officer(O1) }),
    );
    d.do('hold_hearing', {}, ctxOn('2025-07-10', { actor: officer(O3) }));
    assert.equal(d.snapshot.state, 'decision_pending');
    // art. 45: the statement of 06-23 is re-examined before the decision.
    d.do(
      'reexamine_statement',
      { conclusion: 'partly_accepted', reasons: '整改属实，从轻处罚' },
      ctxOn('2025-07-11', { actor: officer(O1) }),
    );
    d.do('submit_to_collective_discussion', {}, ctxOn('2025-07-14'));
    // The case is 情节复杂 (art. 57): its decision is a major one and goes to legal review (art. 58).
    const submission = {
      penalty: { kinds: ['fine'], fineFen: 15_000_000 },
      facts: '当事人销售过期食品',
      provisions: '《中华人民共和国食品安全法》第一百二十四条',
      reviewerOfficerId: 'r1',
    };
    const review = { ...NO_REVIEW, reviewer: REVIEWER_RECORD };
    assert.deepEqual(
      codes(
        d.try(
          'decide',
          { penalty: submission.penalty, documentNo: 'X', discussionRecord: '局务会' },
          ctxOn('2025-07-14'),
        ),
      ),
      ['LEGAL_REVIEW_NOT_AGREED'],
    );
    d.do('submit_legal_review', submission, ctxOn('2025-07-14', { actor: officer(O1), review }));
    d.do(
      'record_review_opinion',
      { opinion: 'agree', reasons: '事实清楚，证据确凿，适用法律正确', findings: ALL_POINTS_OK },
      ctxOn('2025-07-15', { actor: REVIEWER }),
    );
    d.do(
      'decide',
      {
        penalty: { kinds: ['fine'], fineFen: 15_000_000 },
        documentNo: '蚌市监处罚〔2025〕17号',
        discussionRecord: '2025年7月15日局务会',
      },
      ctxOn('2025-07-15', { review }),
    );
    assert.equal(d.snapshot.state, 'decided');
    assert.equal(d.snapshot.penalty?.fineFen, 15_000_000);
    d.do('serve', { method: 'direct', servedOn: '2025-07-16' }, ctxOn('2025-07-16', { actor: officer(O2) }));
    d.do(
      'record_execution',
      { executedOn: '2025-07-25', paidFen: 15_000_000 },
      ctxOn('2025-07-25', { actor: officer(O1) }),
    );
    d.do('close', {}, ctxOn('2025-07-28'));
    assert.equal(d.snapshot.state, 'closed');
    assert.equal(d.snapshot.outcome, 'closed');
    assert.equal(d.snapshot.dates.endedOn, '2025-07-28');
    d.do('archive', {}, ctxOn('2025-08-05', { actor: officer(O1) }));
    assert.equal(d.snapshot.state, 'archived');
    assert.equal(d.snapshot.outcome, 'closed');

    // Every transition is one attributed, timestamped event; the events fold back into the snapshot.
    assert.equal(
      d.events.length,
      18,
      'one event per step, the 复核, the approval of the proposal and the legal review included',
    );
    assert.deepEqual(
      d.events.map((e) => e.sequence),
      d.events.map((_, i) => i + 1),
    );
    assert.equal(d.events[0]?.from, null);
    assert.equal(d.events[0]?.actionLabel, '立案（普通程序）');
    const decideEvent = d.events.find((e) => e.action === 'decide');
    assert.equal(decideEvent?.actor.kind, 'staff');
    assert.equal(decideEvent?.at, '2025-07-15T02:00:00.000Z');
    assert.equal(decideEvent?.on, '2025-07-15');
    assert.equal(decideEvent?.from, 'collective_discussion');
    assert.match(decideEvent?.rulebookVersion ?? '', /^national:[0-9a-f]{8}$/);
    assert.match(decideEvent?.calendarVersion ?? '', /^2019-2026:/);
    assert.deepEqual(d.events.find((e) => e.action === 'request_hearing')?.actor, PARTY_EVENT);
    assert.deepEqual(replayEvents(d.events), d.snapshot);
  });

  test('a case without hearing: the rights period runs out, then the head decides', () => {
    const d = new Driver(
      'ordinary',
      { leadId: 'l1', violationOn: '2024-12-02', teamOfficerIds: ['o1', 'o2'], partyType: 'natural_person' },
      ctxOn('2025-09-01'),
    );
    d.do('submit_for_review', {}, ctxOn('2025-09-10', { actor: officer(O1) }));
    d.do(
      'approve_proposal',
      { penalty: { kinds: ['fine', 'warning'], fineFen: 300_000 }, opinion: '同意' },
      ctxOn('2025-09-11'),
    );
    d.do(
      'notify_rights',
      { penalty: { kinds: ['warning', 'fine'], fineFen: 300_000 }, servedOn: '2025-09-12' },
      ctxOn('2025-09-12', { actor: officer(O1) }),
    );
    assert.equal(d.snapshot.hearingEligible, false);
    assert.deepEqual(codes(d.try('request_hearing', {}, ctxOn('2025-09-15', { actor: officer(O1) }))), [
      'HEARING_NOT_AVAILABLE',
    ]);
    // 5 working days from 2025-09-12: 15, 16, 17, 18, 19.
    assert.deepEqual(codes(d.try('close_rights_period', {}, ctxOn('2025-09-19', { actor: officer(O1) }))), [
      'RIGHTS_PERIOD_NOT_OVER',
    ]);
    d.do('close_rights_period', {}, ctxOn('2025-09-22', { actor: officer(O1) }));
    d.do(
      'decide',
      { penalty: { kinds: ['warning', 'fine'], fineFen: 200_000 }, documentNo: '蚌市监处罚〔2025〕30号' },
      ctxOn('2025-09-26'),
    );
    const clocks = ok2(
      d.try('serve', { method: 'post', servedOn: '2025-09-29' }, ctxOn('2025-09-29', { actor: officer(O1) })),
    );
    assert.equal(findClock(clocks, 'publication')?.dueOn, '2025-10-13');
  });

  test('ends: no penalty, withdrawal, transfer, criminal referral — each then archived', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['withdraw', { reason: '违法事实不存在' }, 'withdrawn'],
      ['transfer', { recipient: '蚌埠市交通运输局', reason: '不属于本机关管辖' }, 'transferred'],
      [
        'refer_criminal',
        {
          recipient: '蚌埠市公安局',
          evidenceList: '询问笔录3份、检验报告1份',
          reason: '涉嫌生产销售伪劣产品罪',
        },
        'criminal_referral',
      ],
    ];
    for (const [action, payload, end] of cases) {
      const d = new Driver(
        'ordinary',
        { leadId: 'l1', violationOn: '2024-12-02', teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' },
        ctxOn('2025-03-03'),
      );
      d.do(action, payload, ctxOn('2025-03-20'));
      assert.equal(d.snapshot.state, end);
      assert.equal(d.snapshot.dates.endedOn, '2025-03-20');
      assert.deepEqual(codes(d.try('decide', {}, ctxOn('2025-03-21'))), ['ILLEGAL_TRANSITION']);
      d.do('archive', {}, ctxOn('2025-04-01', { actor: officer(O2) }));
      assert.equal(d.snapshot.outcome, end);
    }
    const d = new Driver(
      'ordinary',
      { leadId: 'l1', violationOn: '2024-12-02', teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' },
      ctxOn('2025-03-03'),
    );
    d.do('submit_for_review', {}, ctxOn('2025-03-10', { actor: officer(O1) }));
    d.do(
      'decide_no_penalty',
      {
        reason: '违法行为轻微并及时改正，没有造成危害后果（第三十三条）',
        documentNo: '蚌市监不罚〔2025〕2号',
      },
      ctxOn('2025-03-12'),
    );
    assert.equal(d.snapshot.state, 'no_penalty');
  });

  test('returned for further investigation by the review unit', () => {
    const d = new Driver(
      'ordinary',
      { leadId: 'l1', violationOn: '2024-12-02', teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' },
      ctxOn('2025-03-03'),
    );
    d.do('submit_for_review', {}, ctxOn('2025-03-10', { actor: officer(O1) }));
    d.do('return_for_investigation', { reason: '证据不足' }, ctxOn('2025-03-11', { actor: REVIEWER }));
    assert.equal(d.snapshot.state, 'investigation');
  });

  test('court enforcement only when the law allows it (行政强制法 arts. 53–54, 行政处罚法 art. 72)', () => {
    // Served Tue 2025-09-02. Payment due 09-17. 复议 60 days: Sat 11-01 → Mon 11-03 (the party's period
    // moves off a rest day). 诉讼 6 months: Mon 2026-03-02. Application window: 2026-03-03 .. 06-02.
    const s = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['fine'], fineFen: 500_000 },
      dates: { filedOn: '2025-08-01', decidedOn: '2025-09-01', servedOn: '2025-09-02' },
    });
    const court = { action: 'apply_court_enforcement', payload: { court: '蚌埠市龙子湖区人民法院' } };
    const demand = (servedOn: string) => ({ action: 'serve_demand_notice', payload: { servedOn } });
    assert.deepEqual(
      codes(applyTransition(s, court, ctxOn('2025-09-17'))),
      ['PAYMENT_NOT_OVERDUE'],
      'limit runs',
    );
    // The day after the limit: no 催告 yet, and the remedy periods run.
    const noDemand = applyTransition(s, court, ctxOn('2025-09-18'));
    assert.deepEqual(codes(noDemand), ['DEMAND_NOTICE_REQUIRED', 'REMEDY_PERIOD_NOT_OVER'], 'two reasons');
    assert.ok(!noDemand.ok, 'refused');
    if (!noDemand.ok) {
      const [missing, remedy] = noDemand.violations;
      assert.equal(missing?.field, 'demandServedOn', 'names the 催告 field');
      assert.match(missing?.message ?? '', /催告书送达日期.*第五十四条/, 'Chinese, with the article');
      assert.equal(remedy?.field, 'servedOn', 'names the service of the decision');
      assert.match(remedy?.message ?? '', /2025-11-03.*2026-03-02.*第五十三条/, 'both periods and their end');
    }

    // The 催告: only after the payment limit, served after it.
    assert.deepEqual(
      codes(applyTransition(s, demand('2025-09-17'), ctxOn('2025-09-17'))),
      ['PAYMENT_NOT_OVERDUE'],
      'too early',
    );
    assert.deepEqual(
      codes(applyTransition(s, demand('2025-09-17'), ctxOn('2025-09-20'))),
      ['DEMAND_NOTICE_TOO_EARLY'],
      'served on the last day of the limit',
    );
    const demanded = applyTransition(s, demand('2025-09-18'), ctxOn('2025-09-18'));
    assert.ok(demanded.ok, 'the 催告 is recorded');
    if (!demanded.ok) return;
    const d = demanded.next;
    assert.equal(d.state, 'served', 'a fact recorded, no change of state');
    assert.equal(d.dates.demandServedOn, '2025-09-18', 'its service date');
    // 10 working days after 09-18: 19, 22–26, 28 (调休上班), 29, 30, Oct 9 (National Day in between).
    assert.equal(findClock(demanded.clocks, 'demandPeriod')?.dueOn, '2025-10-09', 'the 催告 period');

    assert.deepEqual(
      codes(applyTransition(d, court, ctxOn('2025-10-09'))),
      ['DEMAND_PERIOD_NOT_OVER', 'REMEDY_PERIOD_NOT_OVER'],
      '10 days not over',
    );
    assert.deepEqual(
      codes(applyTransition(d, court, ctxOn('2026-03-02'))),
      ['REMEDY_PERIOD_NOT_OVER'],
      'the 6 months end that day',
    );
    const applied = applyTransition(d, court, ctxOn('2026-03-03'));
    assert.ok(applied.ok, 'the day after the remedy periods');
    assert.equal(applied.ok && applied.next.state, 'compulsory_execution', 'applied');
    assert.equal(applied.ok && applied.next.dates.courtAppliedOn, '2026-03-03', 'the application date');
    assert.equal(applyTransition(d, court, ctxOn('2026-06-02')).ok, true, 'the last day of the 3 months');
    const late = applyTransition(d, court, ctxOn('2026-06-03'));
    assert.deepEqual(codes(late), ['ENFORCEMENT_APPLICATION_LATE'], 'three months after the periods');
    assert.equal(!late.ok && late.violations[0]?.field, 'court', 'names the field');

    // A 催告 served late: the application waits its 10 working days even after the remedy periods.
    const lateDemand = applyTransition(s, demand('2026-03-01'), ctxOn('2026-03-01'));
    assert.ok(lateDemand.ok, 'a late 催告 is recorded');
    if (lateDemand.ok) {
      assert.deepEqual(
        codes(applyTransition(lateDemand.next, court, ctxOn('2026-03-05'))),
        ['DEMAND_PERIOD_NOT_OVER'],
        'waits',
      );
      assert.equal(applyTransition(lateDemand.next, court, ctxOn('2026-03-16')).ok, true, 'after 03-13');
    }
  });
});

describe('summary procedure end to end', () => {
  test('on the spot: decided and handed over, paid, reported, closed, archived', () => {
    const ctx = ctxOn('2025-05-06', { actor: officer(O1) });
    const d = new Driver('summary', { teamOfficerIds: ['o1', 'o2'], partyType: 'natural_person' }, ctx);
    assert.equal(d.snapshot.state, 'on_site');
    d.do(
      'decide_on_spot',
      { penalty: { kinds: ['fine'], fineFen: 20_000 }, documentNo: '皖0300123', rightsNotified: true },
      ctx,
    );
    assert.equal(d.snapshot.state, 'served');
    assert.equal(d.snapshot.dates.servedOn, '2025-05-06');
    d.do('record_execution', { executedOn: '2025-05-06', paidFen: 20_000 }, ctx);
    assert.deepEqual(codes(d.try('close', {}, ctx)), ['INPUT_REQUIRED']);
    d.do('close', { reportedOn: '2025-05-07' }, ctxOn('2025-05-07', { actor: officer(O1) }));
    d.do('archive', {}, ctxOn('2025-05-08', { actor: officer(O2) }));
    assert.equal(d.snapshot.state, 'archived');
    assert.deepEqual(replayEvents(d.events), d.snapshot);
  });

  test('converted to the ordinary procedure, or no penalty', () => {
    const ctx = ctxOn('2025-05-06', { actor: officer(O1) });
    const d = new Driver('summary', { teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' }, ctx);
    d.do('convert_to_ordinary', { reason: '当事人对违法事实有异议' }, ctx);
    assert.equal(d.snapshot.state, 'converted');
    const e = new Driver('summary', { teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' }, ctx);
    e.do('decide_no_penalty', { reason: '首次违法且危害后果轻微并及时改正' }, ctx);
    assert.equal(e.snapshot.state, 'no_penalty');
  });
});

describe('coercive measure end to end', () => {
  test('proposed → approved → applied (with AV) → extended once → disposed → archived', () => {
    const ctx = (today: string, actor = officer(O1)) =>
      ctxOn(today, {
        actor,
        item: ITEMS.coercive,
        attachments: [{ stepKey: 'coercive_application', isAV: true }],
      });
    const d = new Driver(
      'coercive',
      {
        teamOfficerIds: ['o1', 'o2'],
        partyType: 'legal_person',
        measure: 'seize',
        property: '涉嫌假冒注册商标的白酒120箱',
        reason: '防止证据灭失',
      },
      ctx('2025-03-01'),
    );
    d.do('approve', {}, ctx('2025-03-01', HEAD));
    d.do('apply', { appliedOn: '2025-03-01', documentNo: '蚌市监强制〔2025〕3号' }, ctx('2025-03-01'));
    assert.equal(d.snapshot.state, 'in_effect');
    d.do(
      'record_testing',
      { testingFrom: '2025-03-05', testingTo: '2025-03-09', notifiedOn: '2025-03-05' },
      ctx('2025-03-10'),
    );
    assert.equal(d.snapshot.coerciveExcludedDays, 5);
    d.do('extend', { reason: '案情复杂', notifiedOn: '2025-04-03' }, ctx('2025-04-03', HEAD));
    assert.equal(d.snapshot.state, 'extended');
    const again = d.try('extend', { reason: '仍需调查', notifiedOn: '2025-04-20' }, ctx('2025-04-20', HEAD));
    assert.deepEqual(codes(again), ['ILLEGAL_TRANSITION']);
    d.do(
      'dispose',
      { disposition: 'penalty_case', reason: '转入行政处罚案件依法没收' },
      ctx('2025-04-20', HEAD),
    );
    assert.equal(d.snapshot.state, 'disposed');
    d.do('archive', {}, ctx('2025-05-01'));
    assert.deepEqual(replayEvents(d.events), d.snapshot);
  });

  test('not approved, or released', () => {
    const ctx = ctxOn('2025-03-01', { actor: officer(O1), item: ITEMS.coercive });
    const d = new Driver(
      'coercive',
      {
        teamOfficerIds: ['o1', 'o2'],
        partyType: 'legal_person',
        measure: 'seal',
        property: '生产车间',
        reason: '无证生产',
      },
      ctx,
    );
    d.do('reject', { reason: '不符合法定条件' }, ctxOn('2025-03-01', { item: ITEMS.coercive }));
    assert.equal(d.snapshot.state, 'not_approved');
    const e = snapshotAt('coercive', 'in_effect', { dates: { coerciveAppliedOn: '2025-03-01' } });
    const r = applyTransition(
      e,
      { action: 'release', payload: { reason: '已检验合格' } },
      ctxOn('2025-04-15', { item: ITEMS.coercive }),
    );
    assert.equal(r.ok && r.next.state, 'released');
  });
});

describe('inspection end to end', () => {
  test('planned → inspected → rectification → verified → archived; or a lead', () => {
    const ctx = (today: string, actor = officer(O1)) => ctxOn(today, { actor, item: ITEMS.inspection });
    const d = new Driver(
      'inspection',
      { teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' },
      ctx('2025-04-01', HEAD),
    );
    d.do('inspect', { inspectedOn: '2025-04-08', findings: '消防通道堆放杂物' }, ctx('2025-04-08'));
    d.do('order_rectification', { rectifyBy: '2025-04-30', requirement: '清理消防通道' }, ctx('2025-04-08'));
    d.do('verify_rectification', { verifiedOn: '2025-05-06', result: '已整改' }, ctx('2025-05-06'));
    assert.equal(d.snapshot.state, 'closed');
    d.do('archive', {}, ctx('2025-05-10'));
    const e = new Driver(
      'inspection',
      { teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' },
      ctx('2025-04-01', HEAD),
    );
    e.do('inspect', { inspectedOn: '2025-04-08', findings: '销售无合格证产品' }, ctx('2025-04-08'));
    e.do('register_lead', { summary: '涉嫌销售不合格产品' }, ctx('2025-04-08'));
    assert.equal(e.snapshot.state, 'lead_registered');
    const f = new Driver(
      'inspection',
      { teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' },
      ctx('2025-04-01', HEAD),
    );
    f.do('inspect', { inspectedOn: '2025-04-02', findings: '未发现问题' }, ctx('2025-04-02'));
    f.do('close_no_issue', {}, ctx('2025-04-02'));
    assert.equal(f.snapshot.outcome, 'closed');
  });
});

describe('refused transitions', () => {
  test('ILLEGAL_TRANSITION names the current state and the action in Chinese', () => {
    const d = new Driver(
      'ordinary',
      { leadId: 'l1', violationOn: '2024-12-02', teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' },
      ctxOn('2025-06-02'),
    );
    const r = d.try(
      'serve',
      { method: 'direct', servedOn: '2025-06-03' },
      ctxOn('2025-06-03', { actor: officer(O1) }),
    );
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.violations[0]?.code, 'ILLEGAL_TRANSITION');
    assert.match(r.violations[0]?.message ?? '', /当前状态为“调查取证”，不能“送达决定书”/);
    assert.match(r.violations[0]?.message ?? '', /当前可办理：“调查终结，提交审核”/);
  });

  test('an archived record admits nothing; unknown actions; open is not a transition', () => {
    const s = snapshotAt('ordinary', 'archived');
    const r = applyTransition(s, { action: 'close' }, ctxOn('2025-06-03'));
    assert.deepEqual(codes(r), ['ILLEGAL_TRANSITION']);
    assert.match(r.ok ? '' : (r.violations[0]?.message ?? ''), /已归档.*不能再办理任何操作/);
    assert.deepEqual(codes(applyTransition(s, { action: 'fly' }, ctxOn('2025-06-03'))), ['UNKNOWN_ACTION']);
    assert.deepEqual(codes(applyTransition(s, { action: 'open' }, ctxOn('2025-06-03'))), ['UNKNOWN_ACTION']);
    assert.deepEqual(codes(applyTransition({ ...s, version: 0 }, { action: 'close' }, ctxOn('2025-06-03'))), [
      'ILLEGAL_TRANSITION',
    ]);
  });

  test('time comes from the context, and at and today must agree', () => {
    const s = snapshotAt('ordinary', 'investigation');
    const bad = ctxOn('2025-06-03', { at: '2025-06-03T17:00:00.000Z' }); // 01:00 on the 4th in Shanghai
    assert.deepEqual(codes(applyTransition(s, { action: 'withdraw', payload: { reason: 'x' } }, bad)), [
      'INVALID_CONTEXT_TIME',
    ]);
    const late = ctxOn('2025-06-04', { at: '2025-06-03T17:00:00.000Z' });
    assert.equal(applyTransition(s, { action: 'withdraw', payload: { reason: 'x' } }, late).ok, true);
  });

  test('inputs: required, typed, no future facts, unknown keys dropped', () => {
    const s = snapshotAt('ordinary', 'decided', { penalty: { kinds: ['fine'], fineFen: 100 } });
    const ctx = ctxOn('2025-06-03', { actor: officer(O1) });
    assert.deepEqual(codes(applyTransition(s, { action: 'serve', payload: {} }, ctx)), [
      'INPUT_REQUIRED',
      'INPUT_REQUIRED',
    ]);
    const future = applyTransition(
      s,
      { action: 'serve', payload: { method: 'direct', servedOn: '2025-06-04' } },
      ctx,
    );
    assert.deepEqual(codes(future), ['INVALID_INPUT']);
    assert.deepEqual(
      codes(applyTransition(s, { action: 'serve', payload: { method: 'fax', servedOn: '2025-06-03' } }, ctx)),
      ['INVALID_INPUT'],
    );
    const r = applyTransition(
      s,
      { action: 'serve', payload: { method: 'direct', servedOn: '2025-06-03', extra: 1 } },
      ctx,
    );
    assert.deepEqual(r.ok && r.event.payload, { method: 'direct', servedOn: '2025-06-03' });
  });

  test('opening: unknown procedure, item of another type', () => {
    const bad = openCase(
      { id: 'c', procedure: 'magic' as 'lead', regionCode: '340321' },
      {},
      ctxOn('2025-06-03'),
    );
    assert.deepEqual(codes(bad), ['UNKNOWN_PROCEDURE']);
    const r = openCase(
      { id: 'c', procedure: 'ordinary', regionCode: '340321' },
      { leadId: 'l1', violationOn: '2024-12-02', teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' },
      ctxOn('2025-06-03', { item: ITEMS.inspection }),
    );
    assert.deepEqual(codes(r), ['ITEM_TYPE_MISMATCH']);
  });
});

const PARTY_EVENT = { kind: 'party', partyId: 'p1', name: PARTY.name };
void AUX;
void HEAD;

function ok2(r: ReturnType<typeof applyTransition>) {
  assert.ok(r.ok, r.ok ? '' : r.violations.map((v) => v.message).join('; '));
  return r.clocks;
}
