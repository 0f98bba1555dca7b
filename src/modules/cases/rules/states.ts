/**
 * The states of each lifecycle, with their Chinese labels. The transitions leaving each state, and who
 * may take them, are in machine.ts.
 *
 * kinds: `active` — work is under way; `ended` — the enforcement action has ended (R7: the 30-day
 * archiving clock starts; only `archive` leaves it); `final` — nothing leaves it (archived, or a lead
 * that became a case or was closed: leads are not case files).
 */
import type { Procedure } from './types.ts';

export type StateKind = 'active' | 'ended' | 'final';

export type StateSpec = { key: string; label: string; kind: StateKind };

const s = (key: string, label: string, kind: StateKind = 'active'): StateSpec => ({ key, label, kind });

const ARCHIVED = s('archived', '已归档', 'final');

export const STATES: Readonly<Record<Procedure, readonly StateSpec[]>> = {
  // 案源: inspection, complaint, referral or assignment by a higher authority; filed (立案) or closed.
  lead: [
    s('registered', '已登记'),
    s('filed', '已立案', 'final'),
    s('closed', '不予立案', 'final'),
    s('transferred', '已移送', 'final'),
  ],
  // 普通程序, 行政处罚法 ch. 5 sec. 3-4.
  ordinary: [
    s('investigation', '调查取证'),
    s('case_review', '案件审核'),
    s('rights_notice', '告知（陈述申辩期）'),
    s('hearing', '听证'),
    s('decision_pending', '待决定'),
    s('collective_discussion', '集体讨论'),
    s('decided', '已决定（待送达）'),
    s('served', '已送达（待执行）'),
    s('compulsory_execution', '申请强制执行'),
    s('executed', '执行完毕（待结案）'),
    s('closed', '已结案', 'ended'),
    s('no_penalty', '不予处罚', 'ended'),
    s('withdrawn', '撤销立案', 'ended'),
    s('transferred', '移送其他机关', 'ended'),
    s('criminal_referral', '移送司法机关', 'ended'),
    ARCHIVED,
  ],
  // 简易程序, 行政处罚法 arts. 51-53: decided and handed over on the spot.
  summary: [
    s('on_site', '当场处罚'),
    s('served', '已当场交付（待执行）'),
    s('compulsory_execution', '申请强制执行'),
    s('executed', '执行完毕（待结案）'),
    s('closed', '已结案', 'ended'),
    s('no_penalty', '不予处罚', 'ended'),
    s('converted', '转为普通程序', 'ended'),
    ARCHIVED,
  ],
  // 查封、扣押, 行政强制法 arts. 18-28.
  coercive: [
    s('pending_approval', '待负责人批准'),
    s('approved', '已批准（待实施）'),
    s('in_effect', '查封扣押中'),
    s('extended', '已延长期限'),
    s('released', '已解除', 'ended'),
    s('disposed', '已作出处理决定', 'ended'),
    s('not_approved', '未获批准', 'ended'),
    ARCHIVED,
  ],
  // 行政检查.
  inspection: [
    s('planned', '待检查'),
    s('inspected', '已检查'),
    s('rectifying', '责令整改中'),
    s('closed', '检查办结', 'ended'),
    s('lead_registered', '已转为案源', 'ended'),
    s('cancelled', '已取消', 'ended'),
    ARCHIVED,
  ],
};

/** The state an opened record starts in. */
export const INITIAL_STATE: Readonly<Record<Procedure, string>> = {
  lead: 'registered',
  ordinary: 'investigation',
  summary: 'on_site',
  coercive: 'pending_approval',
  inspection: 'planned',
};

export function stateSpec(procedure: Procedure, key: string): StateSpec | undefined {
  return STATES[procedure]?.find((st) => st.key === key);
}

export function stateLabel(procedure: Procedure, key: string): string {
  return stateSpec(procedure, key)?.label ?? key;
}
