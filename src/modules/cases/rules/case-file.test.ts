import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requiredRecords } from './case-file.ts';

const step = (fromState: string | null, action: string, actionLabel = action) => ({
  fromState,
  action,
  actionLabel,
});

test('an ordinary case to closing requires its procedural documents, named by the step that called for them', () => {
  const r = requiredRecords(
    'ordinary',
    [
      step(null, 'open', '立案'),
      step('investigation', 'submit_for_review'),
      step('case_review', 'notify_rights'),
      step('decided', 'serve', '送达'),
      step('executed', 'close', '结案'),
    ],
    false,
  );
  assert.deepEqual(
    r.documents.map((d) => d.kind),
    ['filing_approval', 'penalty_rights_notice', 'service_receipt', 'closing_approval'],
  );
  assert.ok(r.documents.some((d) => d.kind === 'filing_approval' && d.step === '立案'));
  assert.ok(r.documents.some((d) => d.kind === 'closing_approval' && d.step === '结案'));
  // 笔录 and the investigation report may be paper, stored as evidence: never demanded.
  assert.ok(
    !r.documents.some((d) =>
      ['inquiry_record', 'inspection_record', 'investigation_report'].includes(d.kind),
    ),
  );
  assert.deepEqual(r.av, [], 'no AV step is mandatory for an item off the AV list');
});

test('an item on the AV list makes the investigation AV record mandatory; a seizure always needs one', () => {
  const ordinary = requiredRecords('ordinary', [step('investigation', 'submit_for_review')], true);
  assert.deepEqual(
    ordinary.av.map((a) => a.step),
    ['investigation'],
  );
  const coercive = requiredRecords('coercive', [step('approved', 'apply')], false);
  assert.deepEqual(
    coercive.av.map((a) => a.step),
    ['coercive_application'],
  );
  assert.ok(coercive.documents.some((d) => d.kind === 'coercive_measure_decision'));
});
