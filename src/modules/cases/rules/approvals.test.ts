import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { penaltyDifferences } from './approval-guards.ts';
import { codes, ctxOn, HEAD, ITEMS, O1, officer, ok, snapshotAt } from './test-fixtures.ts';
import { applyTransition, openCase } from './transition.ts';
import type { Actor, CaseSnapshot, Payload, PenaltyTerms, TransitionContext } from './types.ts';

const FINE: PenaltyTerms = { kinds: ['fine'], fineFen: 500_000 };
const act = (s: CaseSnapshot, action: string, payload: Payload, ctx: TransitionContext) =>
  applyTransition(s, { action, payload }, ctx);
const APPROVED = { penalty: FINE, approvedOn: '2025-09-11', approverName: '赵局长', opinion: '同意' };
const inReview = (over: Partial<CaseSnapshot> = {}) =>
  snapshotAt('ordinary', 'case_review', { dates: { filedOn: '2025-09-01' }, ...over });
const byOfficer = (today: string, over: Partial<TransitionContext> = {}) =>
  ctxOn(today, { actor: officer(O1), ...over });
/** An agency head who is also the officer o1 of the case team (承办人员). */
const HANDLING_HEAD: Actor = {
  kind: 'staff',
  userId: 'u-head2',
  name: '王建国',
  roles: ['agency_head'],
  officerId: 'o1',
};
/** An agency head who holds a certificate but is not on the team. */
const OTHER_HEAD: Actor = { ...HANDLING_HEAD, name: '陈法', officerId: 'o3' };

describe('no investigation closed without evidence (行政处罚法 arts. 40, 54)', () => {
  test('submit_for_review is refused while no evidence record is stored, and allowed with one', () => {
    const s = snapshotAt('ordinary', 'investigation', { dates: { filedOn: '2025-09-01' } });
    const none = act(s, 'submit_for_review', {}, byOfficer('2025-09-10', { evidenceCount: 0 }));
    assert.deepEqual(codes(none), ['EVIDENCE_REQUIRED'], 'refused with its own code');
    assert.ok(!none.ok && /尚未保存任何证据/.test(none.violations[0]?.message ?? ''), 'in Chinese');
    assert.equal(
      act(s, 'submit_for_review', {}, byOfficer('2025-09-10', { evidenceCount: 1 })).ok,
      true,
      'one stored record is enough',
    );
  });
});

describe('拟处罚意见 approved by the head before the rights notice', () => {
  test('the head approves the proposal with an opinion; the approval is kept on the snapshot', () => {
    const r = ok(
      act(inReview(), 'approve_proposal', { penalty: FINE, opinion: '同意' }, ctxOn('2025-09-11')),
    );
    assert.equal(r.next.state, 'case_review', 'the case stays in review');
    assert.deepEqual(r.next.approvedProposal, APPROVED, 'penalty, day, approver and opinion');
    assert.deepEqual(
      codes(act(inReview(), 'approve_proposal', { penalty: FINE }, ctxOn('2025-09-11'))),
      ['INPUT_REQUIRED'],
      'the opinion is required',
    );
    assert.deepEqual(
      codes(act(inReview(), 'approve_proposal', { penalty: FINE, opinion: '同意' }, byOfficer('2025-09-11'))),
      ['ACTOR_NOT_ALLOWED'],
      'only the agency head approves',
    );
  });

  test('the rights notice is refused without an approval, or with another penalty than approved', () => {
    const notify = (s: CaseSnapshot, penalty: PenaltyTerms) =>
      act(s, 'notify_rights', { penalty, servedOn: '2025-09-12' }, byOfficer('2025-09-12'));
    assert.deepEqual(codes(notify(inReview(), FINE)), ['PROPOSAL_NOT_APPROVED']);
    const approved = inReview({ approvedProposal: APPROVED });
    const more = notify(approved, { kinds: ['fine'], fineFen: 600_000 });
    assert.deepEqual(codes(more), ['PROPOSAL_DIFFERS_FROM_APPROVAL'], 'another amount');
    assert.ok(!more.ok && /罚款为6000\.00元，审批的为5000\.00元/.test(more.violations[0]?.message ?? ''));
    assert.deepEqual(
      codes(notify(approved, { kinds: ['fine', 'warning'], fineFen: 500_000 })),
      ['PROPOSAL_DIFFERS_FROM_APPROVAL'],
      'another kind',
    );
    assert.equal(notify(approved, FINE).ok, true, 'the approved proposal is notified');
  });

  test('the order of the kinds does not matter; a changed proposal approved again is notified', () => {
    const both: PenaltyTerms = { kinds: ['warning', 'fine'], fineFen: 300_000 };
    assert.deepEqual(penaltyDifferences(both, { kinds: ['fine', 'warning'], fineFen: 300_000 }), []);
    const again = ok(
      act(
        inReview({ approvedProposal: APPROVED }),
        'approve_proposal',
        { penalty: both, opinion: '同意调整后的拟处罚意见' },
        ctxOn('2025-09-12'),
      ),
    );
    assert.deepEqual(again.next.approvedProposal?.penalty, both, 'the new approval replaces the old');
  });

  test('returning the case for investigation clears the approval; 不予处罚 needs none', () => {
    const back = ok(
      act(
        inReview({ approvedProposal: APPROVED }),
        'return_for_investigation',
        { reason: '补充调查' },
        ctxOn('2025-09-12'),
      ),
    );
    assert.equal(back.next.approvedProposal, null, 'approved again after the further investigation');
    const noPenalty = act(
      inReview(),
      'decide_no_penalty',
      { reason: '违法行为轻微并及时改正，没有造成危害后果', documentNo: 'X' },
      ctxOn('2025-09-12'),
    );
    assert.equal(noPenalty.ok, true, 'the 不予处罚 path is unaffected');
  });
});

describe('the handler cannot approve (APPROVAL_BY_HANDLER)', () => {
  const asHandler = (today: string) => ctxOn(today, { actor: HANDLING_HEAD });
  test('a head on the case team is refused every approval step', () => {
    const cases: [CaseSnapshot, string, Payload][] = [
      [inReview(), 'approve_proposal', { penalty: FINE, opinion: '同意' }],
      [inReview(), 'decide_no_penalty', { reason: '轻微', documentNo: 'X' }],
      [inReview(), 'approve_extension', { reason: '案情复杂' }],
      [
        snapshotAt('ordinary', 'decision_pending', {
          notifiedPenalty: FINE,
          dates: { filedOn: '2025-09-01' },
        }),
        'decide',
        { penalty: FINE, documentNo: 'X' },
      ],
      [snapshotAt('ordinary', 'executed', { dates: { filedOn: '2025-09-01' } }), 'close', {}],
    ];
    for (const [s, action, payload] of cases) {
      const r = act(s, action, payload, asHandler('2025-09-20'));
      assert.deepEqual(codes(r), ['APPROVAL_BY_HANDLER'], action);
      assert.ok(!r.ok && /王建国是本案承办人员/.test(r.violations[0]?.message ?? ''), `${action}: who`);
      assert.equal(act(s, action, payload, ctxOn('2025-09-20', { actor: OTHER_HEAD })).ok, true, action);
    }
    const coercive = snapshotAt('coercive', 'pending_approval');
    const coerciveCtx = (actor: Actor) => ctxOn('2025-09-20', { actor, item: ITEMS.coercive });
    assert.deepEqual(codes(act(coercive, 'approve', {}, coerciveCtx(HANDLING_HEAD))), [
      'APPROVAL_BY_HANDLER',
    ]);
    assert.equal(act(coercive, 'approve', {}, coerciveCtx(HEAD)).ok, true, 'another head approves');
  });

  test('filing: a head on the proposed team is refused, and nothing is opened', () => {
    const open = (actor: Actor, team: string[]) =>
      openCase(
        { id: 'c1', procedure: 'ordinary', regionCode: '340321' },
        { leadId: 'l1', violationOn: '2025-08-02', teamOfficerIds: team, partyType: 'legal_person' },
        ctxOn('2025-09-01', { actor }),
      );
    assert.deepEqual(codes(open(HANDLING_HEAD, ['o1', 'o2'])), ['APPROVAL_BY_HANDLER']);
    assert.equal(open(HANDLING_HEAD, ['o2', 'o3']).ok, true, 'not on the team it proposes');
  });

  test('the refusal is about approvers: an officer refused the step hears only that', () => {
    assert.deepEqual(
      codes(act(inReview(), 'approve_proposal', { penalty: FINE, opinion: '同意' }, byOfficer('2025-09-11'))),
      ['ACTOR_NOT_ALLOWED'],
    );
  });
});
