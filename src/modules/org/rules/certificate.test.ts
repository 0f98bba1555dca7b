import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyCertificateAction,
  CERTIFICATE_ACTIONS,
  CERTIFICATE_STATUSES,
  CERTIFICATE_TRANSITIONS,
  type CertificateAction,
  type CertificateStatus,
  EFFECTIVE_STATUS_LABELS,
  effectiveStatus,
  REVOCATION_CAUSES,
} from './certificate.ts';

const input = (action: CertificateAction) =>
  action === 'revoke' ? { reason: '退休', revocationCause: 'retirement' as const } : { reason: '调查期间' };

describe('certificate lifecycle', () => {
  test('the allowed transitions', () => {
    const allowed: [CertificateStatus, CertificateAction, CertificateStatus][] = [
      ['valid', 'suspend', 'suspended'],
      ['suspended', 'reinstate', 'valid'],
      ['valid', 'revoke', 'revoked'],
      ['suspended', 'revoke', 'revoked'],
    ];
    for (const [from, action, to] of allowed) {
      assert.deepEqual(
        applyCertificateAction(from, action, input(action)),
        { ok: true, status: to },
        `${from} ${action}`,
      );
    }
  });

  test('every other (state, action) pair is refused, naming both states', () => {
    let refused = 0;
    for (const from of CERTIFICATE_STATUSES) {
      for (const action of CERTIFICATE_ACTIONS) {
        if (CERTIFICATE_TRANSITIONS[action].from.includes(from)) continue;
        const r = applyCertificateAction(from, action, input(action));
        assert.equal(r.ok, false, `${from} ${action}`);
        if (r.ok) continue;
        assert.equal(r.violation.code, 'ILLEGAL_CERTIFICATE_TRANSITION');
        assert.ok(r.violation.message.includes(`“${EFFECTIVE_STATUS_LABELS[from]}”`), r.violation.message);
        const to = CERTIFICATE_TRANSITIONS[action].to;
        assert.ok(r.violation.message.includes(`“${EFFECTIVE_STATUS_LABELS[to]}”`), r.violation.message);
        refused++;
      }
    }
    // valid→reinstate, suspended→suspend, revoked→{suspend, reinstate, revoke}
    assert.equal(refused, 5);
  });

  test('revoked is terminal', () => {
    const r = applyCertificateAction('revoked', 'reinstate', { reason: '误操作' });
    assert.ok(!r.ok);
    assert.equal(r.violation.message, '执法证件当前为“注销”状态，不能恢复为“有效”；注销后不能再变更');
  });

  test('a reason is required for every action', () => {
    for (const action of CERTIFICATE_ACTIONS) {
      const from: CertificateStatus = action === 'reinstate' ? 'suspended' : 'valid';
      for (const reason of [undefined, null, '', '   ']) {
        const r = applyCertificateAction(from, action, { ...input(action), reason });
        assert.ok(!r.ok);
        assert.equal(r.violation.code, 'REASON_REQUIRED');
        assert.equal(r.violation.field, 'reason');
      }
    }
  });

  test('revocation needs a known cause; other actions take none', () => {
    for (const revocationCause of [undefined, null, 'fired' as never]) {
      const r = applyCertificateAction('valid', 'revoke', { reason: '调离本单位', revocationCause });
      assert.ok(!r.ok);
      assert.equal(r.violation.code, 'REVOCATION_CAUSE_REQUIRED');
    }
    for (const cause of REVOCATION_CAUSES) {
      assert.deepEqual(
        applyCertificateAction('suspended', 'revoke', { reason: '依规注销', revocationCause: cause }),
        {
          ok: true,
          status: 'revoked',
        },
      );
    }
    const r = applyCertificateAction('valid', 'suspend', { reason: '调查', revocationCause: 'transfer' });
    assert.ok(!r.ok);
    assert.equal(r.violation.code, 'REVOCATION_CAUSE_NOT_ALLOWED');
  });

  test('unknown action', () => {
    const r = applyCertificateAction('valid', 'renew' as never, { reason: 'x' });
    assert.ok(!r.ok);
    assert.equal(r.violation.code, 'UNKNOWN_CERTIFICATE_ACTION');
  });
});

describe('effectiveStatus', () => {
  const c = { issueDate: '2024-03-01', expiryDate: '2026-02-28' };
  test('dates decide for a stored valid certificate, boundaries included', () => {
    assert.equal(effectiveStatus({ ...c, status: 'valid' }, '2024-02-29'), 'not_yet_valid');
    assert.equal(effectiveStatus({ ...c, status: 'valid' }, '2024-03-01'), 'valid');
    assert.equal(effectiveStatus({ ...c, status: 'valid' }, '2026-02-28'), 'valid');
    assert.equal(effectiveStatus({ ...c, status: 'valid' }, '2026-03-01'), 'expired');
  });

  test('revoked wins, then suspended', () => {
    assert.equal(effectiveStatus({ ...c, status: 'revoked' }, '2030-01-01'), 'revoked');
    assert.equal(effectiveStatus({ ...c, status: 'revoked' }, '2020-01-01'), 'revoked');
    assert.equal(effectiveStatus({ ...c, status: 'suspended' }, '2030-01-01'), 'suspended');
    assert.equal(effectiveStatus({ ...c, status: 'suspended' }, '2025-01-01'), 'suspended');
  });

  test('labels', () => {
    assert.deepEqual(EFFECTIVE_STATUS_LABELS, {
      valid: '有效',
      suspended: '暂扣',
      revoked: '注销',
      expired: '过期',
      not_yet_valid: '未生效',
    });
  });
});
