/**
 * The order of a case's dates. A step's date may not come before the milestone it follows: a rights
 * notice is not served before the case was filed (行政处罚法 art. 54 then art. 44), a decision is not served
 * before it was made (art. 61), a hearing is not asked for before the notice that offered it (art. 64),
 * a fine is not paid before it was decided. The clocks run from these dates, so a date out of order would
 * start a party's period, or a surcharge, on the wrong day.
 */
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import type { CaseDates, CaseSnapshot, Payload } from './types.ts';
import type { TransitionSpec } from './vocabulary.ts';

type Milestone = { date: keyof CaseDates; label: string };

const FILED: Milestone = { date: 'filedOn', label: '立案日期' };
const DECIDED: Milestone = { date: 'decidedOn', label: '作出决定日期' };

/** For each step, its date inputs and the milestones they follow. */
export const FOLLOWS: Readonly<Record<string, Readonly<Record<string, readonly Milestone[]>>>> = {
  notify_rights: { servedOn: [FILED] },
  request_hearing: { requestedOn: [{ date: 'rightsNoticeServedOn', label: '告知书送达日期' }] },
  schedule_hearing: { noticeServedOn: [{ date: 'hearingRequestedOn', label: '听证申请日期' }] },
  serve: { servedOn: [DECIDED] },
  record_execution: { executedOn: [DECIDED] },
  collect_fine_on_spot: { executedOn: [DECIDED] },
  record_instalment_payment: { paidOn: [DECIDED] },
  preserve_evidence: { preservedOn: [FILED] },
  close: { reportedOn: [DECIDED] },
};

const label = (spec: TransitionSpec, key: string) => spec.inputs.find((i) => i.key === key)?.label ?? key;

/** Every date of the step's (checked) payload that comes before a milestone the case recorded. */
export function chronologyViolations(
  snapshot: CaseSnapshot,
  spec: TransitionSpec,
  payload: Payload,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const [key, milestones] of Object.entries(FOLLOWS[spec.action] ?? {})) {
    const value = payload[key];
    if (typeof value !== 'string') continue;
    for (const m of milestones) {
      const before = snapshot.dates[m.date];
      if (before && value < before) {
        out.push(
          violation(
            'DATE_OUT_OF_ORDER',
            `${label(spec, key)}（${value}）不能早于本案的${m.label}（${before}）`,
            key,
          ),
        );
      }
    }
  }
  return out;
}
