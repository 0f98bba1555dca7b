import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveRulebook } from '../../../platform/rulebook/resolve.ts';
import {
  AUX,
  agreedReview,
  codes,
  ctxOn,
  Driver,
  HEAD,
  ITEMS,
  member,
  NO_REVIEW,
  O1,
  O2,
  O3,
  officer,
  ok,
  PARTY,
  snapshotAt,
} from './test-fixtures.ts';
import { applyTransition, openCase } from './transition.ts';
import type { CaseSnapshot, Payload, TransitionContext } from './types.ts';

const FINE = { kinds: ['fine'], fineFen: 1_000_000 } as const;
const act = (s: CaseSnapshot, action: string, payload: Payload, ctx: TransitionContext) =>
  applyTransition(s, { action, payload }, ctx);
const msg = (r: ReturnType<typeof act>) => (r.ok ? '' : r.violations.map((v) => v.message).join('；'));
const openOrdinary = (team: string[], ctx: TransitionContext, regionCode = '340321') =>
  openCase(
    { id: 'c1', procedure: 'ordinary', regionCode },
    { leadId: 'l1', violationOn: '2024-12-02', teamOfficerIds: team, partyType: 'legal_person' },
    ctx,
  );

describe('team (O3, 行政处罚法 art. 42)', () => {
  test('two certified officers; auxiliaries accompany but are not counted', () => {
    assert.equal(openOrdinary(['o1', 'o2', 'x1'], ctxOn('2025-06-02')).ok, true);
    const r = openOrdinary(['o1', 'x1'], ctxOn('2025-06-02'));
    assert.deepEqual(codes(r), ['TOO_FEW_CERTIFIED_OFFICERS']);
    assert.match(msg(r), /不得少于 2 人.*只有 1 人/);
    assert.deepEqual(codes(openOrdinary(['o1', 'o1'], ctxOn('2025-06-02'))), ['TOO_FEW_CERTIFIED_OFFICERS']);
  });

  test('checked at the time of each action: a certificate that lapsed stops the case until the team changes', () => {
    const expiring = member({ id: 'o2', name: '李明', expiryDate: '2025-06-30' });
    const register = [O1, expiring, O3];
    const d = new Driver(
      'ordinary',
      { leadId: 'l1', violationOn: '2024-12-02', teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' },
      ctxOn('2025-06-02', { team: register }),
    );
    const late = d.try('submit_for_review', {}, ctxOn('2025-07-01', { actor: officer(O1), team: register }));
    assert.deepEqual(codes(late), ['CERTIFICATE_NOT_VALID', 'TOO_FEW_CERTIFIED_OFFICERS']);
    assert.match(msg(late), /李明：执法证件在 2025-07-01 的状态为“过期”/);
    d.do('reassign_team', { teamOfficerIds: ['o1', 'o3'] }, ctxOn('2025-07-01', { team: register }));
    d.do('submit_for_review', {}, ctxOn('2025-07-01', { actor: officer(O1), team: register }));
  });

  test("the certificate covers the item's category and the case's region", () => {
    const urban = { ...ITEMS.penalty, categoryCode: 'URBAN', categoryName: '城市管理' };
    const r = openOrdinary(['o1', 'o2'], ctxOn('2025-06-02', { item: urban }));
    assert.deepEqual(codes(r), [
      'CATEGORY_NOT_COVERED',
      'CATEGORY_NOT_COVERED',
      'TOO_FEW_CERTIFIED_OFFICERS',
    ]);
    assert.match(msg(r), /王建国：执法证件的执法类别不包含“城市管理”/);
    const elsewhere = openOrdinary(['o1', 'o2'], ctxOn('2025-06-02'), '340421');
    assert.deepEqual(codes(elsewhere), [
      'REGION_NOT_COVERED',
      'REGION_NOT_COVERED',
      'TOO_FEW_CERTIFIED_OFFICERS',
    ]);
  });

  test('a team id the register does not know is refused, not skipped', () => {
    assert.deepEqual(codes(openOrdinary(['o1', 'o2', 'o9'], ctxOn('2025-06-02'))), ['TEAM_RECORD_MISSING']);
  });
});

describe('actor', () => {
  const s = snapshotAt('ordinary', 'investigation', {
    teamOfficerIds: ['o1', 'o2', 'x1'],
    dates: { filedOn: '2025-06-02' },
  });

  test('auxiliary staff never act or sign, even when on the team', () => {
    assert.deepEqual(codes(act(s, 'submit_for_review', {}, ctxOn('2025-06-10', { actor: officer(AUX) }))), [
      'AUXILIARY_CANNOT_ACT',
    ]);
    const auxUser = {
      kind: 'staff' as const,
      userId: 'u',
      name: '辅',
      roles: ['auxiliary' as const],
      officerId: null,
    };
    assert.deepEqual(codes(act(s, 'submit_for_review', {}, ctxOn('2025-06-10', { actor: auxUser }))), [
      'AUXILIARY_CANNOT_ACT',
    ]);
  });

  test('officer steps: only the qualified officers of the team', () => {
    assert.deepEqual(codes(act(s, 'submit_for_review', {}, ctxOn('2025-06-10', { actor: officer(O3) }))), [
      'ACTOR_NOT_ON_TEAM',
    ]);
    const lapsed = member({ expiryDate: '2025-06-01' });
    const r = act(
      s,
      'submit_for_review',
      {},
      ctxOn('2025-06-10', { actor: officer(O1), team: [lapsed, O2, AUX] }),
    );
    assert.deepEqual(codes(r), [
      'CERTIFICATE_NOT_VALID',
      'CERTIFICATE_NOT_VALID',
      'TOO_FEW_CERTIFIED_OFFICERS',
    ]);
  });

  test('role steps: the head approves, not an officer; a party acts on their own case only', () => {
    const r = act(s, 'withdraw', { reason: 'x' }, ctxOn('2025-06-10', { actor: officer(O1) }));
    assert.deepEqual(codes(r), ['ACTOR_NOT_ALLOWED']);
    assert.match(msg(r), /“撤销立案”只能由机关负责人办理/);
    assert.deepEqual(codes(act(s, 'withdraw', { reason: 'x' }, ctxOn('2025-06-10', { actor: PARTY }))), [
      'ACTOR_NOT_ALLOWED',
    ]);
    const notice = snapshotAt('ordinary', 'rights_notice', {
      dates: { filedOn: '2025-06-02', rightsNoticeServedOn: '2025-06-20' },
    });
    const stranger = { ...PARTY, partyId: 'p2' };
    assert.deepEqual(
      codes(act(notice, 'record_statement', { statement: '异议' }, ctxOn('2025-06-21', { actor: stranger }))),
      ['ACTOR_NOT_ALLOWED'],
    );
    assert.equal(
      act(notice, 'record_statement', { statement: '异议' }, ctxOn('2025-06-21', { actor: PARTY })).ok,
      true,
    );
  });

  test('only the designated host holds the hearing', () => {
    const h = snapshotAt('ordinary', 'hearing', {
      hearingHostOfficerId: 'o3',
      dates: { filedOn: '2025-06-02', hearingDate: '2025-07-10' },
    });
    assert.deepEqual(codes(act(h, 'hold_hearing', {}, ctxOn('2025-07-10', { actor: officer(O1) }))), [
      'ACTOR_NOT_HEARING_HOST',
    ]);
    assert.equal(act(h, 'hold_hearing', {}, ctxOn('2025-07-10', { actor: officer(O3) })).ok, true);
  });
});

describe('AV record (R4)', () => {
  const s = snapshotAt('ordinary', 'investigation', { dates: { filedOn: '2025-06-02' } });
  const avItem = { ...ITEMS.penalty, requiresAV: true };
  const submit = (attachments: { stepKey: string; isAV: boolean }[], item = avItem) =>
    act(s, 'submit_for_review', {}, ctxOn('2025-06-10', { actor: officer(O1), item, attachments }));

  test('an item on the AV list cannot complete the step without an AV record of that step', () => {
    assert.deepEqual(codes(submit([])), ['AV_RECORD_REQUIRED']);
    assert.match(msg(submit([])), /“调查取证”环节尚未上传音像记录/);
    assert.deepEqual(codes(submit([{ stepKey: 'investigation', isAV: false }])), ['AV_RECORD_REQUIRED']);
    assert.deepEqual(codes(submit([{ stepKey: 'hearing', isAV: true }])), ['AV_RECORD_REQUIRED']);
    assert.equal(submit([{ stepKey: 'investigation', isAV: true }]).ok, true);
    assert.equal(submit([], ITEMS.penalty).ok, true);
  });

  test('查封、扣押 always needs AV, whatever the item list says', () => {
    const c = snapshotAt('coercive', 'approved');
    const apply = (attachments: { stepKey: string; isAV: boolean }[]) =>
      act(
        c,
        'apply',
        { appliedOn: '2025-03-01', documentNo: 'X' },
        ctxOn('2025-03-01', { actor: officer(O1), item: ITEMS.coercive, attachments }),
      );
    assert.deepEqual(codes(apply([])), ['AV_RECORD_REQUIRED']);
    assert.equal(apply([{ stepKey: 'coercive_application', isAV: true }]).ok, true);
  });
});

describe('legal review lock (L5)', () => {
  const s = snapshotAt('ordinary', 'decision_pending', {
    notifiedPenalty: FINE,
    dates: { filedOn: '2025-06-02' },
  });
  const MAJOR = { ...NO_REVIEW, matched: [{ entryId: 'e1', label: '对法人处以十万元以上罚款' }] };
  const decide = (review: typeof NO_REVIEW, action = 'decide') =>
    act(s, action, { penalty: FINE, reason: '轻微', documentNo: 'X' }, ctxOn('2025-07-01', { review }));

  test('a catalogue entry matched and no review: no decision, not even no-penalty; nothing matched: allowed', () => {
    assert.deepEqual(codes(decide(MAJOR)), ['LEGAL_REVIEW_NOT_AGREED']);
    assert.deepEqual(codes(decide(MAJOR, 'decide_no_penalty')), ['LEGAL_REVIEW_NOT_AGREED']);
    assert.equal(decide(NO_REVIEW).ok, true);
  });

  test('the coercive approval and disposal are locked the same way', () => {
    const c = snapshotAt('coercive', 'pending_approval');
    const r = act(c, 'approve', {}, ctxOn('2025-03-01', { item: ITEMS.coercive, review: MAJOR }));
    assert.deepEqual(codes(r), ['LEGAL_REVIEW_NOT_AGREED']);
  });
});

describe('90-day decision limit and its one extension (行政处罚法 art. 60)', () => {
  // Filed 2025-01-02: day 90 is 2025-04-02, day 120 is 2025-05-02.
  const pending = (extensionCount = 0) =>
    snapshotAt('ordinary', 'decision_pending', {
      notifiedPenalty: FINE,
      extensionCount,
      dates: { filedOn: '2025-01-02' },
    });
  const decide = (s: CaseSnapshot, today: string, ctx: Partial<TransitionContext> = {}) =>
    act(s, 'decide', { penalty: FINE, documentNo: 'X' }, ctxOn(today, ctx));

  test('day 90 allowed, day 91 refused without an extension', () => {
    assert.equal(decide(pending(), '2025-04-02').ok, true);
    const r = decide(pending(), '2025-04-03');
    assert.deepEqual(codes(r), ['DECISION_TIME_LIMIT_EXCEEDED']);
    assert.match(msg(r), /自立案之日（2025-01-02）起90日的办案期限已于2025-04-02届满/);
    const np = act(pending(), 'decide_no_penalty', { reason: 'x', documentNo: 'X' }, ctxOn('2025-04-03'));
    assert.deepEqual(codes(np), ['DECISION_TIME_LIMIT_EXCEEDED']);
  });

  test('with one approved extension: day 91 and day 120 allowed, day 121 refused', () => {
    const ext = ok(act(pending(), 'approve_extension', { reason: '案情复杂' }, ctxOn('2025-03-30')));
    assert.equal(ext.next.extensionCount, 1);
    assert.equal(ext.next.state, 'decision_pending');
    assert.equal(decide(ext.next, '2025-04-03').ok, true);
    assert.equal(decide(ext.next, '2025-05-02').ok, true);
    assert.deepEqual(codes(decide(ext.next, '2025-05-03')), ['EXTENDED_TIME_LIMIT_EXCEEDED']);
  });

  test('a second extension is refused; so is one approved after the limit ran out', () => {
    const r = act(pending(1), 'approve_extension', { reason: '仍需鉴定' }, ctxOn('2025-04-20'));
    assert.deepEqual(codes(r), ['EXTENSION_LIMIT_REACHED']);
    assert.match(msg(r), /已延长1次，不得再次延长/);
    assert.deepEqual(codes(act(pending(), 'approve_extension', { reason: 'x' }, ctxOn('2025-04-03'))), [
      'EXTENSION_TOO_LATE',
    ]);
    assert.deepEqual(codes(act(pending(), 'approve_extension', {}, ctxOn('2025-03-30'))), ['INPUT_REQUIRED']);
    assert.deepEqual(
      codes(
        act(pending(), 'approve_extension', { reason: 'x' }, ctxOn('2025-03-30', { actor: officer(O1) })),
      ),
      ['ACTOR_NOT_ALLOWED'],
    );
  });

  test("a region whose rules allow a further extension gets it from its rulebook, cited as the region's", () => {
    const rb = resolveRulebook('340300', [
      {
        regionCode: '340300',
        version: 1,
        overrides: {
          decisionExtensionsMax: {
            value: 2,
            source: { zh: '某市行政处罚程序规定：经集体讨论可再次延期', en: 'x' },
          },
        },
      },
    ]);
    const r = act(
      pending(1),
      'approve_extension',
      { reason: '集体讨论决定继续延期' },
      ctxOn('2025-04-20', { rulebook: rb }),
    );
    assert.equal(ok(r).next.extensionCount, 2);
    assert.equal(decide(ok(r).next, '2025-06-01', { rulebook: rb }).ok, true);
  });
});

describe('collective discussion, rights notice and not heavier (arts. 57, 45, 62)', () => {
  test('a complex or serious case is decided only in collective discussion', () => {
    const s = snapshotAt('ordinary', 'decision_pending', {
      complexOrSerious: true,
      notifiedPenalty: FINE,
      // A complex case is also a major one (art. 58(1)3): its review agreed.
      legalReview: agreedReview(FINE),
      dates: { filedOn: '2025-06-02' },
    });
    assert.deepEqual(codes(act(s, 'decide', { penalty: FINE, documentNo: 'X' }, ctxOn('2025-07-01'))), [
      'COLLECTIVE_DISCUSSION_REQUIRED',
    ]);
    const c = { ...s, state: 'collective_discussion' };
    assert.equal(
      act(
        c,
        'decide',
        { penalty: FINE, documentNo: 'X', discussionRecord: '局务会纪要' },
        ctxOn('2025-07-01'),
      ).ok,
      true,
    );
    assert.deepEqual(codes(act(c, 'decide', { penalty: FINE, documentNo: 'X' }, ctxOn('2025-07-01'))), [
      'INPUT_REQUIRED',
    ]);
  });

  test('never heavier than notified; never without a notice', () => {
    const s = snapshotAt('ordinary', 'decision_pending', {
      notifiedPenalty: FINE,
      dates: { filedOn: '2025-06-02' },
    });
    const decide = (penalty: unknown, snap = s) =>
      act(snap, 'decide', { penalty, documentNo: 'X' }, ctxOn('2025-07-01'));
    assert.equal(decide({ kinds: ['fine'], fineFen: 800_000 }).ok, true);
    const more = decide({ kinds: ['fine'], fineFen: 1_000_001 });
    assert.deepEqual(codes(more), ['PENALTY_HEAVIER_THAN_NOTIFIED']);
    assert.match(msg(more), /罚款数额10,000.01元高于告知的10,000元/);
    assert.deepEqual(codes(decide({ kinds: ['fine', 'licence_revocation'], fineFen: 1_000_000 })), [
      'PENALTY_HEAVIER_THAN_NOTIFIED',
    ]);
    assert.deepEqual(codes(decide(FINE, { ...s, notifiedPenalty: null })), ['RIGHTS_NOTICE_REQUIRED']);
    assert.deepEqual(codes(decide({ kinds: ['fine'] })), ['INVALID_PENALTY']);
  });
});

describe('hearing (行政处罚法 arts. 63-64)', () => {
  // Notice served Thu 2026-02-12; 5 working days across the 2026 Spring Festival: 13, 14 (Sat, 调休上班), 24, 25, 26.
  const notice = snapshotAt('ordinary', 'rights_notice', {
    hearingEligible: true,
    notifiedPenalty: { kinds: ['licence_revocation'] },
    dates: { filedOn: '2026-01-05', rightsNoticeServedOn: '2026-02-12' },
  });

  test('requested within 5 working days of the notice, across the Spring Festival', () => {
    assert.equal(act(notice, 'request_hearing', {}, ctxOn('2026-02-26', { actor: PARTY })).ok, true);
    const late = act(notice, 'request_hearing', {}, ctxOn('2026-02-27', { actor: PARTY }));
    assert.deepEqual(codes(late), ['HEARING_REQUEST_LATE']);
    assert.match(msg(late), /期限已于2026-02-26届满/);
    // A request posted in time and recorded later by an officer keeps its date.
    assert.equal(
      act(
        notice,
        'request_hearing',
        { requestedOn: '2026-02-25' },
        ctxOn('2026-03-02', { actor: officer(O1) }),
      ).ok,
      true,
    );
    assert.deepEqual(
      codes(
        act(notice, 'request_hearing', { requestedOn: '2026-02-11' }, ctxOn('2026-02-13', { actor: PARTY })),
      ),
      ['DATE_OUT_OF_ORDER'],
    );
  });

  test('only when the penalty qualifies', () => {
    const no = { ...notice, hearingEligible: false };
    assert.deepEqual(codes(act(no, 'request_hearing', {}, ctxOn('2026-02-13', { actor: PARTY }))), [
      'HEARING_NOT_AVAILABLE',
    ]);
  });

  test('no decision before the rights period ends, unless waived in writing', () => {
    const close = (today: string, payload: Payload = {}) =>
      act(notice, 'close_rights_period', payload, ctxOn(today, { actor: officer(O1) }));
    const r = close('2026-02-26');
    assert.deepEqual(codes(r), ['RIGHTS_PERIOD_NOT_OVER']);
    assert.match(msg(r), /陈述、申辩和申请听证的期限至2026-02-26届满/);
    assert.equal(close('2026-02-27').ok, true);
    assert.deepEqual(codes(close('2026-02-13', { waived: true })), ['WAIVER_RECORD_REQUIRED']);
    assert.equal(close('2026-02-13', { waived: true, waiverRef: '放弃陈述申辩及听证声明书' }).ok, true);
  });

  test('notified 7 working days before the hearing, by a host who did not investigate', () => {
    const h = snapshotAt('ordinary', 'hearing', { dates: { filedOn: '2025-08-01' } });
    const schedule = (noticeServedOn: string, hostOfficerId = 'o3') =>
      act(
        h,
        'schedule_hearing',
        { hearingDate: '2025-10-13', noticeServedOn, hostOfficerId },
        ctxOn('2025-09-29', { actor: officer(O1) }),
      );
    // Back from Mon 2025-10-13: 11 (Sat, 调休上班), 10, 9, [1-8 holiday], 30, 29, 28 (Sun, 调休上班), 26.
    assert.equal(schedule('2025-09-26').ok, true);
    const late = schedule('2025-09-28');
    assert.deepEqual(codes(late), ['HEARING_NOTICE_TOO_LATE']);
    assert.match(msg(late), /最迟应于2025-09-26通知/);
    assert.deepEqual(codes(schedule('2025-09-26', 'o1')), ['HEARING_HOST_IS_INVESTIGATOR']);
  });

  test('held on or after its date only', () => {
    const h = snapshotAt('ordinary', 'hearing', {
      hearingHostOfficerId: 'o3',
      dates: { filedOn: '2025-06-02', hearingDate: '2025-07-10' },
    });
    assert.deepEqual(codes(act(h, 'hold_hearing', {}, ctxOn('2025-07-09', { actor: officer(O3) }))), [
      'HEARING_DATE_NOT_REACHED',
    ]);
    const unscheduled = snapshotAt('ordinary', 'hearing', {
      hearingHostOfficerId: 'o3',
      dates: { filedOn: '2025-06-02' },
    });
    assert.deepEqual(
      codes(act(unscheduled, 'hold_hearing', {}, ctxOn('2025-07-09', { actor: officer(O3) }))),
      ['HEARING_NOT_SCHEDULED'],
    );
  });
});

describe('summary procedure thresholds (行政处罚法 art. 51)', () => {
  const onSite = (partyType: CaseSnapshot['partyType']) => snapshotAt('summary', 'on_site', { partyType });
  const decide = (partyType: CaseSnapshot['partyType'], penalty: unknown, rightsNotified = true) =>
    act(
      onSite(partyType),
      'decide_on_spot',
      { penalty, documentNo: 'X', rightsNotified },
      ctxOn('2025-05-06', { actor: officer(O1) }),
    );

  test('at most 200 yuan for a citizen (and a 个体工商户), 3,000 yuan for an organisation; warnings', () => {
    assert.equal(decide('natural_person', { kinds: ['fine'], fineFen: 20_000 }).ok, true);
    assert.deepEqual(codes(decide('natural_person', { kinds: ['fine'], fineFen: 20_001 })), [
      'SUMMARY_FINE_TOO_HIGH',
    ]);
    assert.deepEqual(codes(decide('individual_business', { kinds: ['fine'], fineFen: 20_001 })), [
      'SUMMARY_FINE_TOO_HIGH',
    ]);
    assert.equal(decide('legal_person', { kinds: ['fine'], fineFen: 300_000 }).ok, true);
    assert.equal(decide('other_organisation', { kinds: ['warning', 'fine'], fineFen: 300_000 }).ok, true);
    const r = decide('legal_person', { kinds: ['fine'], fineFen: 300_001 });
    assert.deepEqual(codes(r), ['SUMMARY_FINE_TOO_HIGH']);
    assert.match(msg(r), /对法人的罚款不得超过3,000元/);
    assert.equal(decide('natural_person', { kinds: ['warning'] }).ok, true);
  });

  test('other kinds of penalty, or no rights notice on the spot, are refused', () => {
    const r = decide('natural_person', { kinds: ['confiscate_illegal_gains'], confiscatedGainsFen: 5_000 });
    assert.deepEqual(codes(r), ['SUMMARY_PENALTY_KIND_NOT_ALLOWED']);
    assert.deepEqual(codes(decide('natural_person', { kinds: ['warning'] }, false)), [
      'RIGHTS_NOTICE_REQUIRED',
    ]);
  });
});

describe('service, payment and execution (arts. 61, 66, 67, 72)', () => {
  test('electronic service only with signed consent', () => {
    const s = snapshotAt('ordinary', 'decided', {
      penalty: FINE,
      dates: { filedOn: '2025-06-02', decidedOn: '2025-07-01' },
    });
    const serve = (payload: Payload) => act(s, 'serve', payload, ctxOn('2025-07-02', { actor: officer(O2) }));
    assert.deepEqual(codes(serve({ method: 'electronic', servedOn: '2025-07-02' })), [
      'ELECTRONIC_SERVICE_CONSENT_REQUIRED',
    ]);
    assert.equal(
      serve({ method: 'electronic', servedOn: '2025-07-02', consentRef: '送达地址确认书' }).ok,
      true,
    );
  });

  // Fine 5,000 yuan served 2025-09-02: due 2025-09-17.
  const served = snapshotAt('ordinary', 'served', {
    penalty: { kinds: ['fine'], fineFen: 500_000 },
    dates: { filedOn: '2025-08-01', decidedOn: '2025-09-01', servedOn: '2025-09-02' },
  });
  const execute = (executedOn: string, extra: Payload = {}, s = served) =>
    act(s, 'record_execution', { executedOn, ...extra }, ctxOn('2025-12-01', { actor: officer(O1) }));

  test('paid in full in time; short payment refused; the surcharge counts once late', () => {
    assert.equal(execute('2025-09-17', { paidFen: 500_000 }).ok, true);
    assert.deepEqual(codes(execute('2025-09-17', {})), ['PAID_AMOUNT_REQUIRED']);
    assert.deepEqual(codes(execute('2025-09-17', { paidFen: 400_000 })), ['PAYMENT_INSUFFICIENT']);
    const late = execute('2025-09-27', { paidFen: 500_000 });
    assert.deepEqual(codes(late), ['PAYMENT_INSUFFICIENT']);
    assert.match(msg(late), /应缴罚款5,000元及加处罚款1,500元，实缴5,000元/);
    assert.equal(execute('2025-09-27', { paidFen: 650_000 }).ok, true);
    assert.equal(
      execute('2025-09-27', { paidFen: 500_000, surchargeNotImposedReason: '经催告后当日缴清，决定不加处' })
        .ok,
      true,
    );
  });

  test('a deferral approved by the head moves the due date (art. 66 para 2); none without a fine', () => {
    const deferred = ok(
      act(
        served,
        'approve_payment_deferral',
        { payUntil: '2025-10-31', reason: '经济困难' },
        ctxOn('2025-09-10'),
      ),
    );
    assert.equal(execute('2025-10-31', { paidFen: 500_000 }, deferred.next).ok, true);
    const warning = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['warning'] },
      dates: { servedOn: '2025-09-02' },
    });
    assert.deepEqual(
      codes(
        act(
          warning,
          'approve_payment_deferral',
          { payUntil: '2025-10-31', reason: 'x' },
          ctxOn('2025-09-10'),
        ),
      ),
      ['NO_FINE'],
    );
    assert.equal(execute('2025-09-10', {}, warning).ok, true);
  });
});

describe('coercive measures (行政强制法 arts. 25, 27, 28)', () => {
  // Applied 2025-03-01: term ends 2025-03-31.
  const inEffect = snapshotAt('coercive', 'in_effect', { dates: { coerciveAppliedOn: '2025-03-01' } });
  const c = (today: string, actor = HEAD) => ctxOn(today, { actor, item: ITEMS.coercive });

  test('extended before the term ends only; disposal within the term; release always', () => {
    assert.equal(
      act(inEffect, 'extend', { reason: '案情复杂', notifiedOn: '2025-03-31' }, c('2025-03-31')).ok,
      true,
    );
    const r = act(inEffect, 'extend', { reason: '案情复杂', notifiedOn: '2025-04-01' }, c('2025-04-01'));
    assert.deepEqual(codes(r), ['COERCIVE_TERM_EXPIRED']);
    assert.match(msg(r), /已于2025-03-31届满，不能延长，应当解除/);
    const dispose = (today: string) =>
      act(inEffect, 'dispose', { disposition: 'confiscate', reason: 'x' }, c(today));
    assert.equal(dispose('2025-03-31').ok, true);
    assert.deepEqual(codes(dispose('2025-04-01')), ['COERCIVE_TERM_EXPIRED']);
    assert.equal(act(inEffect, 'release', { reason: '期限届满' }, c('2025-04-01')).ok, true);
    assert.deepEqual(
      codes(
        act(
          { ...inEffect, coerciveExtensionCount: 1 },
          'extend',
          { reason: 'x', notifiedOn: '2025-03-20' },
          c('2025-03-20'),
        ),
      ),
      ['COERCIVE_EXTENSION_USED'],
    );
  });

  test('testing periods: within the measure, finished, told in writing', () => {
    const testing = (from: string, to: string) =>
      act(
        inEffect,
        'record_testing',
        { testingFrom: from, testingTo: to, notifiedOn: '2025-03-05' },
        c('2025-03-20', officer(O1)),
      );
    assert.equal(testing('2025-03-05', '2025-03-09').ok, true);
    assert.deepEqual(codes(testing('2025-03-09', '2025-03-05')), ['TESTING_PERIOD_INVALID']);
    assert.deepEqual(codes(testing('2025-02-27', '2025-03-05')), ['TESTING_PERIOD_INVALID']);
    assert.deepEqual(codes(testing('2025-03-15', '2025-03-25')), ['TESTING_PERIOD_INVALID']);
  });
});
