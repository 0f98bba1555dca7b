import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';

/**
 * 执法证件 lifecycle. Stored status changes only through the actions in CERTIFICATE_TRANSITIONS
 * ("依法暂扣、收回或者注销其行政执法证件", 002 task 5). `expired` and `not_yet_valid` are never stored:
 * they follow from the dates (see effectiveStatus).
 * Revocation is terminal and records why: certificates of officers who retire or transfer are
 * withdrawn ("谁申办、谁清理、谁收缴 … 对退休、调离的行政执法人员执法证件要及时收回", 001 五(一)).
 */
export const CERTIFICATE_STATUSES = ['valid', 'suspended', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export type EffectiveStatus = CertificateStatus | 'expired' | 'not_yet_valid';

export const CERTIFICATE_ACTIONS = ['suspend', 'reinstate', 'revoke'] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

export const REVOCATION_CAUSES = ['retirement', 'transfer', 'misconduct', 'other'] as const;
export type RevocationCause = (typeof REVOCATION_CAUSES)[number];

export const EFFECTIVE_STATUS_LABELS: Readonly<Record<EffectiveStatus, string>> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '注销',
  expired: '过期',
  not_yet_valid: '未生效',
};

export const CERTIFICATE_STATUS_LABELS: Readonly<Record<CertificateStatus, string>> = {
  valid: EFFECTIVE_STATUS_LABELS.valid,
  suspended: EFFECTIVE_STATUS_LABELS.suspended,
  revoked: EFFECTIVE_STATUS_LABELS.revoked,
};

export const CERTIFICATE_ACTION_LABELS: Readonly<Record<CertificateAction, string>> = {
  suspend: '暂扣',
  reinstate: '恢复',
  revoke: '注销',
};

export const REVOCATION_CAUSE_LABELS: Readonly<Record<RevocationCause, string>> = {
  retirement: '退休',
  transfer: '调离',
  misconduct: '违法违纪',
  other: '其他',
};

export type CertificateTransition = {
  from: readonly CertificateStatus[];
  to: CertificateStatus;
  requiresRevocationCause: boolean;
};

/** The whole lifecycle. Anything not listed here is refused. */
export const CERTIFICATE_TRANSITIONS: Readonly<Record<CertificateAction, CertificateTransition>> = {
  suspend: { from: ['valid'], to: 'suspended', requiresRevocationCause: false },
  reinstate: { from: ['suspended'], to: 'valid', requiresRevocationCause: false },
  revoke: { from: ['valid', 'suspended'], to: 'revoked', requiresRevocationCause: true },
};

export type CertificateActionInput = {
  /** Why; always required, kept in the officer's record. */
  reason?: string | null;
  revocationCause?: RevocationCause | null;
};

export type CertificateActionResult =
  | { ok: true; status: CertificateStatus }
  | { ok: false; violation: RuleViolation };

export function applyCertificateAction(
  current: CertificateStatus,
  action: CertificateAction,
  input: CertificateActionInput = {},
): CertificateActionResult {
  const t = CERTIFICATE_TRANSITIONS[action as CertificateAction] as CertificateTransition | undefined;
  if (!t) {
    return {
      ok: false,
      violation: violation('UNKNOWN_CERTIFICATE_ACTION', '证件操作须为暂扣、恢复或注销', 'action'),
    };
  }
  if (!t.from.includes(current)) {
    const from = CERTIFICATE_STATUS_LABELS[current] ?? String(current);
    const terminal = current === 'revoked' ? '；注销后不能再变更' : '';
    return {
      ok: false,
      violation: violation(
        'ILLEGAL_CERTIFICATE_TRANSITION',
        `执法证件当前为“${from}”状态，不能${CERTIFICATE_ACTION_LABELS[action]}为“${CERTIFICATE_STATUS_LABELS[t.to]}”${terminal}`,
        'action',
      ),
    };
  }
  if (typeof input.reason !== 'string' || input.reason.trim() === '') {
    return {
      ok: false,
      violation: violation(
        'REASON_REQUIRED',
        `${CERTIFICATE_ACTION_LABELS[action]}执法证件须填写理由`,
        'reason',
      ),
    };
  }
  const cause = input.revocationCause;
  if (t.requiresRevocationCause && !(REVOCATION_CAUSES as readonly unknown[]).includes(cause)) {
    return {
      ok: false,
      violation: violation(
        'REVOCATION_CAUSE_REQUIRED',
        '注销执法证件须选择注销原因：退休、调离、违法违纪或其他',
        'revocationCause',
      ),
    };
  }
  if (!t.requiresRevocationCause && cause !== undefined && cause !== null) {
    return {
      ok: false,
      violation: violation(
        'REVOCATION_CAUSE_NOT_ALLOWED',
        '只有注销执法证件时才填写注销原因',
        'revocationCause',
      ),
    };
  }
  return { ok: true, status: t.to };
}

export type CertificateDates = {
  status: CertificateStatus;
  issueDate: string;
  expiryDate: string;
};

/**
 * The status that counts on `today` (YYYY-MM-DD, Asia/Shanghai): revoked wins, then suspended; then the
 * dates: expired when today is after the expiry date (the expiry day itself is still valid), not yet
 * valid before the issue date.
 */
export function effectiveStatus(c: CertificateDates, today: string): EffectiveStatus {
  if (c.status === 'revoked') return 'revoked';
  if (c.status === 'suspended') return 'suspended';
  if (today > c.expiryDate) return 'expired';
  if (today < c.issueDate) return 'not_yet_valid';
  return 'valid';
}
