import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GUARDS } from './guards.ts';
import { flowchart, ISSUES, MACHINES, performersOf, transitionsFrom } from './machine.ts';
import { INITIAL_STATE, STATES, stateSpec } from './states.ts';
import { PROCEDURES } from './types.ts';
import { ACTION_LABELS, AV_STEP_LABELS, DOCUMENT_LABELS, GUARD_LABELS } from './vocabulary.ts';

const CHINESE = /[\u4e00-\u9fff]/;

describe('the transition table', () => {
  for (const procedure of PROCEDURES) {
    test(`${procedure}: well formed`, () => {
      const m = MACHINES[procedure];
      const keys = STATES[procedure].map((s) => s.key);
      assert.equal(new Set(keys).size, keys.length, 'state keys are unique');
      assert.equal(m.opening.to, INITIAL_STATE[procedure]);
      assert.deepEqual(
        Object.keys(m.transitions).filter((k) => !keys.includes(k)),
        [],
        'no transitions from unknown states',
      );
      for (const state of STATES[procedure]) {
        assert.match(state.label, CHINESE, state.key);
        const out = transitionsFrom(procedure, state.key);
        const actions = out.map((t) => t.action);
        assert.equal(new Set(actions).size, actions.length, `${state.key}: one transition per action`);
        if (state.kind === 'final') assert.deepEqual(actions, [], `${state.key} is final`);
        if (state.kind === 'ended') assert.deepEqual(actions, ['archive'], `${state.key} only archives`);
        if (state.kind === 'active') {
          assert.ok(out.length > 0, `${state.key} has a way out`);
          assert.ok(performersOf(procedure, state.key).length > 0);
        }
        for (const t of [...out, m.opening]) {
          assert.ok(stateSpec(procedure, t.to), `${state.key} → ${t.to}`);
          assert.match(t.label, CHINESE);
          assert.ok(t.who.length > 0, `${t.action} has performers`);
          for (const g of t.guards) assert.ok(GUARDS[g] && GUARD_LABELS[g], g);
          for (const d of t.documents) assert.ok(DOCUMENT_LABELS[d], d);
          if (t.av) assert.ok(AV_STEP_LABELS[t.av.step]);
          for (const i of t.inputs) assert.match(i.label, CHINESE, `${t.action}.${i.key}`);
          // A self-loop records a fact; it never hides a change of state.
          if (t !== m.opening && t.to === state.key) {
            assert.ok(
              [
                'approve_extension',
                'approve_proposal',
                'flag_complex',
                'reassign_team',
                'record_statement',
                'reexamine_statement',
                'request_recusal',
                'rule_recusal',
                'record_excluded_period',
                'suspend',
                'resume',
                'extend_lead_filing',
                'schedule_hearing',
                'approve_payment_deferral',
                'record_instalment_payment',
                'record_remedy',
                'record_remedy_end',
                'record_remittance',
                'record_bank_deposit',
                'preserve_evidence',
                'decide_preserved_evidence',
                'serve_demand_notice',
                'record_testing',
                'mark_review_grounds',
                'submit_legal_review',
                'record_review_opinion',
                'dispute_review_opinion',
                'coordinate_review',
                'extend_legal_review',
              ].includes(t.action),
              t.action,
            );
          }
        }
      }
    });

    test(`${procedure}: every state is reachable and every active state can reach an end`, () => {
      const reached = new Set([INITIAL_STATE[procedure]]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const from of [...reached]) {
          for (const t of transitionsFrom(procedure, from)) {
            if (!reached.has(t.to)) {
              reached.add(t.to);
              changed = true;
            }
          }
        }
      }
      assert.deepEqual([...reached].sort(), STATES[procedure].map((s) => s.key).sort());
    });
  }

  test('the decisions carry every lock; the second coercive extension does not exist', () => {
    const decide = MACHINES.ordinary.transitions.decision_pending?.find((t) => t.action === 'decide');
    assert.deepEqual(decide?.who, ['agency_head']);
    for (const g of [
      'team',
      'legalReview',
      'decisionTimeLimit',
      'collectiveDiscussion',
      'notHeavierThanNotified',
    ] as const) {
      assert.ok(decide?.guards.includes(g), g);
    }
    assert.deepEqual(
      transitionsFrom('coercive', 'extended')
        .map((t) => t.action)
        .includes('extend'),
      false,
    );
    assert.deepEqual(MACHINES.coercive.transitions.approved?.find((t) => t.action === 'apply')?.av, {
      step: 'coercive_application',
      when: 'always',
    });
    assert.equal(
      Object.keys(ACTION_LABELS).every((a) => CHINESE.test(ACTION_LABELS[a as keyof typeof ACTION_LABELS])),
      true,
    );
  });

  test('the flowchart (P4) is the table itself, in Chinese', () => {
    const chart = flowchart('ordinary');
    assert.equal(chart.initial, 'investigation');
    assert.equal(chart.nodes.length, STATES.ordinary.length);
    const edges = chart.edges.filter((e) => e.from === 'decision_pending' && e.action === 'decide');
    assert.equal(edges.length, 1);
    assert.deepEqual(edges[0]?.who, ['机关负责人']);
    assert.ok(edges[0]?.guards.some((g) => /法制审核/.test(g)));
    assert.deepEqual(edges[0]?.documents, ['行政处罚决定书']);
    assert.deepEqual(chart.edges[0], {
      from: null,
      to: 'investigation',
      action: 'open',
      label: '立案（普通程序）',
      who: ['机关负责人'],
      guards: [
        GUARD_LABELS.team,
        GUARD_LABELS.itemMatchesProcedure,
        GUARD_LABELS.limitation,
        GUARD_LABELS.notHandler,
      ],
      documents: ['立案审批表'],
    });
    const total = PROCEDURES.reduce((n, p) => n + flowchart(p).edges.length, 0);
    assert.ok(total > 80, `${total} edges`);
    assert.deepEqual(
      performersOf('ordinary', 'rights_notice').sort(),
      ['当事人', '承办执法人员', '机关负责人', '法制审核人员'].sort(),
    );
  });
});

test('the documents steps issue themselves are stated once, in the table', () => {
  assert.deepEqual(
    { ...ISSUES },
    {
      notify_rights: 'penalty_rights_notice',
      schedule_hearing: 'hearing_notice',
      decide: 'penalty_decision',
      decide_on_spot: 'on_spot_penalty_decision',
      apply: 'coercive_measure_decision',
      serve: 'service_receipt',
      close: 'closing_approval',
      record_review_opinion: 'legal_review_opinion',
    },
  );
  for (const m of Object.values(MACHINES))
    for (const t of [m.opening, ...Object.values(m.transitions).flat()])
      if (t.issues)
        assert.equal(t.documents[0], t.issues, `${t.action} lists what it issues among its documents`);
});
