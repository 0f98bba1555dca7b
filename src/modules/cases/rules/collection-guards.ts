/**
 * Guards of payment and evidence procedures (issue 10): on-the-spot collection (行政处罚法 arts. 68–71),
 * deferral and instalments (art. 66), 复议 and 诉讼 during execution (art. 73, 行政强制法 art. 53), and
 * evidence registered and preserved in advance (art. 56). Each refusal has its own code and names its field.
 */
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { ruleValue } from '../../../platform/rulebook/resolve.ts';
import { computeClocks, findClock, surchargeOn } from './clocks.ts';
import type { Guard } from './guards.ts';
import { formatYuan } from './penalty.ts';
import { type EvidencePreservation, REMEDY_KIND_LABELS, type RemedyKind } from './types.ts';

const ok: RuleViolation[] = [];
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * 行政处罚法 art. 68: only after an on-the-spot decision (简易程序, art. 51) and only for a fine of 100 元 or
 * less or one hard to enforce later; art. 69: in a remote, water or poorly connected area, after an
 * ordinary decision too, when the party asks because paying at the bank is truly hard; art. 70: the
 * 专用票据 is handed over (its number recorded); art. 71: on water the remittance runs from the landing.
 * 当场 means when the decision is made: in the summary procedure the collection day is the decision day.
 */
export const guardSpotCollectionAllowed: Guard = ({ snapshot, payload, ctx }) => {
  const out: RuleViolation[] = [];
  const fine = snapshot.penalty?.fineFen ?? 0;
  const ground = payload.ground as string;
  if (!str(payload.receiptNo)) {
    out.push(
      violation(
        'SPOT_RECEIPT_REQUIRED',
        '当场收缴罚款必须向当事人出具财政部门统一制发的专用票据，须登记「罚款专用票据号码」（行政处罚法第七十条）',
        'receiptNo',
      ),
    );
  }
  if (snapshot.procedure !== 'summary' && ground !== 'remote_area') {
    out.push(
      violation(
        'SPOT_COLLECTION_NOT_ALLOWED',
        '普通程序作出的罚款决定，只有在边远、水上、交通不便地区，当事人缴纳确有困难并提出的，才能当场收缴（行政处罚法第六十八条、第六十九条）',
        'ground',
      ),
    );
  }
  const max = ruleValue(ctx.rulebook, 'onSpotCollectionMaxYuan') * 100;
  if (ground === 'small_fine' && fine > max) {
    out.push(
      violation(
        'SPOT_COLLECTION_AMOUNT_EXCEEDED',
        `罚款${formatYuan(fine)}超过${formatYuan(max)}，不能以「依法给予一百元以下罚款」为由当场收缴（行政处罚法第六十八条）`,
        'ground',
      ),
    );
  }
  if (ground !== 'small_fine' && !str(payload.groundDetail)) {
    out.push(
      violation(
        'SPOT_COLLECTION_REASON_REQUIRED',
        '以事后难以执行或者边远、水上、交通不便地区缴纳困难为由当场收缴的，须写明「具体情形」（行政处罚法第六十八条、第六十九条）',
        'groundDetail',
      ),
    );
  }
  const collectedOn = payload.executedOn as string;
  if (
    snapshot.procedure === 'summary' &&
    snapshot.dates.decidedOn &&
    collectedOn !== snapshot.dates.decidedOn
  ) {
    out.push(
      violation(
        'SPOT_COLLECTION_NOT_ON_SPOT',
        `「当场收缴日期」（${collectedOn}）应为当场作出处罚决定之日（${snapshot.dates.decidedOn}）；事后缴纳的，应当到指定银行或者通过电子支付系统缴纳（行政处罚法第六十七条、第六十八条）`,
        'executedOn',
      ),
    );
  }
  const landedOn = str(payload.landedOn);
  if (payload.onWater === true && !landedOn) {
    out.push(
      violation(
        'LANDING_DATE_REQUIRED',
        '在水上当场收缴的罚款，自抵岸之日起计算交款期限，须登记「抵岸日期」（行政处罚法第七十一条）',
        'landedOn',
      ),
    );
  }
  if (landedOn && landedOn < collectedOn) {
    out.push(
      violation(
        'DATE_OUT_OF_ORDER',
        `「抵岸日期」（${landedOn}）不能早于当场收缴日期（${collectedOn}）`,
        'landedOn',
      ),
    );
  }
  return out;
};

/** art. 71: the remittance is recorded once, after the collection (or landing). */
export const guardSpotRemittancePending: Guard = ({ snapshot, payload }) => {
  const spot = snapshot.spotCollection;
  if (!spot) return [violation('NO_SPOT_COLLECTION', '本案罚款不是当场收缴的，无需登记交款')];
  if (snapshot.dates.remittedOn) {
    return [violation('ALREADY_REMITTED', `当场收缴的罚款已于${snapshot.dates.remittedOn}交至行政机关`)];
  }
  const from = spot.landedOn ?? spot.collectedOn;
  const on = payload.remittedOn as string;
  return on < from
    ? [
        violation(
          'DATE_OUT_OF_ORDER',
          `「交至行政机关日期」（${on}）不能早于${spot.landedOn ? '抵岸' : '当场收缴'}日期（${from}）`,
          'remittedOn',
        ),
      ]
    : ok;
};

export const guardBankDepositPending: Guard = ({ snapshot, payload }) => {
  const remitted = snapshot.dates.remittedOn;
  if (!snapshot.spotCollection || !remitted) {
    return [violation('NOT_REMITTED', '当场收缴的罚款尚未登记交至行政机关，不能登记缴付银行', 'remittedOn')];
  }
  if (snapshot.dates.bankDepositedOn) {
    return [violation('ALREADY_DEPOSITED', `罚款已于${snapshot.dates.bankDepositedOn}缴付指定银行`)];
  }
  const on = payload.depositedOn as string;
  return on < remitted
    ? [
        violation(
          'DATE_OUT_OF_ORDER',
          `「缴付指定银行日期」（${on}）不能早于交至行政机关日期（${remitted}）`,
          'depositedOn',
        ),
      ]
    : ok;
};

/** art. 71: a case whose fine was collected on the spot closes only once the money reached the bank. */
export const guardSpotFineSettled: Guard = ({ snapshot }) => {
  if (!snapshot.spotCollection || snapshot.dates.bankDepositedOn) return ok;
  const what = snapshot.dates.remittedOn ? '缴付指定银行' : '交至行政机关';
  return [
    violation(
      'SPOT_FINE_NOT_SETTLED',
      `当场收缴的罚款尚未登记${what}，不能结案（行政处罚法第七十一条）`,
      snapshot.dates.remittedOn ? 'depositedOn' : 'remittedOn',
    ),
  ];
};

/**
 * 行政处罚法 art. 66 para 2: deferral to a day, or instalments — one or the other. Instalments sum to the
 * fine (paid so far: nothing, the schedule replaces the whole payment), fall after service, and their days
 * rise strictly; a deferral's day comes after service.
 */
export const guardInstalmentsValid: Guard = ({ snapshot, payload }) => {
  const plan = payload.instalments as { dueOn: string; amountFen: number }[] | undefined;
  const until = str(payload.payUntil);
  const served = snapshot.dates.servedOn ?? '';
  if (!plan && !until) {
    return [
      violation(
        'DEFERRAL_TERMS_REQUIRED',
        '须填写「暂缓缴纳至」或者「分期缴纳计划」（行政处罚法第六十六条）',
        'payUntil',
      ),
    ];
  }
  if (plan && until) {
    return [
      violation(
        'DEFERRAL_TERMS_CONFLICT',
        '「暂缓缴纳至」和「分期缴纳计划」只能填写一项：分期的，最后一期即为缴清之日',
        'instalments',
      ),
    ];
  }
  if (until) {
    return until > served
      ? ok
      : [
          violation(
            'DATE_OUT_OF_ORDER',
            `「暂缓缴纳至」（${until}）应晚于决定书送达日期（${served}）`,
            'payUntil',
          ),
        ];
  }
  const rows = plan ?? [];
  const out: RuleViolation[] = [];
  const fine = snapshot.penalty?.fineFen ?? 0;
  const sum = rows.reduce((n, r) => n + r.amountFen, 0);
  if (rows.length < 2) {
    out.push(
      violation('INSTALMENTS_INVALID', '分期缴纳至少分为两期；一次缴纳的请填写「暂缓缴纳至」', 'instalments'),
    );
  }
  if (sum !== fine) {
    out.push(
      violation(
        'INSTALMENTS_SUM_MISMATCH',
        `「分期缴纳计划」各期金额合计${formatYuan(sum)}，与罚款${formatYuan(fine)}不符`,
        'instalments',
      ),
    );
  }
  rows.forEach((r, i) => {
    const previous = i === 0 ? served : (rows[i - 1]?.dueOn ?? '');
    if (r.dueOn <= previous) {
      out.push(
        violation(
          'INSTALMENTS_INVALID',
          i === 0
            ? `「分期缴纳计划」第1期日期（${r.dueOn}）应晚于决定书送达日期（${served}）`
            : `「分期缴纳计划」第${i + 1}期日期（${r.dueOn}）应晚于第${i}期（${previous}）`,
          'instalments',
        ),
      );
    }
  });
  return out;
};

/**
 * An instalment paid: the next unpaid one, in full with its own surcharge when late (art. 72, per
 * instalment; not counting a 复议 or 诉讼, art. 73(3)) unless the agency records why it is not imposed.
 */
export const guardInstalmentDue: Guard = ({ snapshot, payload, ctx }) => {
  const plan = snapshot.instalments ?? [];
  const index = plan.findIndex((i) => !i.paidOn);
  const due = plan[index];
  if (!due) return [violation('NO_INSTALMENT_DUE', '没有待缴纳的分期：未批准分期缴纳或者各期均已缴纳')];
  const paidOn = payload.paidOn as string;
  if (snapshot.dates.servedOn && paidOn < snapshot.dates.servedOn) {
    return [
      violation(
        'DATE_OUT_OF_ORDER',
        `「缴纳日期」（${paidOn}）不能早于决定书送达日期（${snapshot.dates.servedOn}）`,
        'paidOn',
      ),
    ];
  }
  // Only this instalment's surcharge: as if it were the whole schedule.
  const alone = { ...snapshot, instalments: [due] };
  const surcharge = str(payload.surchargeNotImposedReason)
    ? 0
    : (surchargeOn(alone, paidOn, ctx)?.surchargeFen ?? 0);
  const paid = payload.paidFen as number;
  if (paid >= due.amountFen + surcharge) return ok;
  const detail = surcharge > 0 ? `及加处罚款${formatYuan(surcharge)}` : '';
  return [
    violation(
      'INSTALMENT_PAYMENT_INSUFFICIENT',
      `第${index + 1}期应缴${formatYuan(due.amountFen)}${detail}，实缴${formatYuan(paid)}（行政处罚法第六十六条、第七十二条）`,
      'paidFen',
    ),
  ];
};

/**
 * 行政处罚法 art. 73: the party's 复议 or 诉讼 is recorded after service, one of a kind at a time; its end
 * not before its start.
 */
export const guardRemedyRecordable: Guard = ({ snapshot, payload }) => {
  const kind = payload.kind as RemedyKind;
  const filedOn = payload.filedOn as string;
  const served = snapshot.dates.servedOn;
  if (served && filedOn < served) {
    return [
      violation(
        'DATE_OUT_OF_ORDER',
        `「申请复议或者起诉日期」（${filedOn}）不能早于决定书送达日期（${served}）`,
        'filedOn',
      ),
    ];
  }
  if ((snapshot.remedies ?? []).some((r) => r.kind === kind && !r.endedOn)) {
    return [violation('REMEDY_ALREADY_PENDING', `${REMEDY_KIND_LABELS[kind]}已登记且尚未终结`, 'kind')];
  }
  return ok;
};

export const guardRemedyPending: Guard = ({ snapshot, payload }) => {
  const kind = payload.kind as RemedyKind;
  const open = (snapshot.remedies ?? []).find((r) => r.kind === kind && !r.endedOn);
  if (!open) {
    return [violation('NO_REMEDY_PENDING', `没有尚在进行的${REMEDY_KIND_LABELS[kind]}`, 'kind')];
  }
  const endedOn = payload.endedOn as string;
  return endedOn < open.filedOn
    ? [
        violation(
          'DATE_OUT_OF_ORDER',
          `「终结日期」（${endedOn}）不能早于申请复议或者起诉日期（${open.filedOn}）`,
          'endedOn',
        ),
      ]
    : ok;
};

/**
 * 行政强制法 art. 53 (and 行政处罚法 art. 73(1): the decision is not suspended, but the court is asked only
 * when the party neither seeks nor wins a remedy): while a 复议 or 诉讼 runs, no application.
 */
export const guardNoRemedyPending: Guard = ({ snapshot }) => {
  const open = (snapshot.remedies ?? []).find((r) => !r.endedOn);
  return open
    ? [
        violation(
          'REMEDY_PENDING',
          `当事人已于${open.filedOn}${open.kind === 'litigation' ? '提起行政诉讼' : '申请行政复议'}，尚未终结，不能申请人民法院强制执行（行政强制法第五十三条）`,
          'remedies',
        ),
      ]
    : ok;
};

const undecided = (list: readonly EvidencePreservation[] | undefined) =>
  (list ?? []).find((p) => !p.decidedOn);

/** art. 56: one preservation at a time is awaiting its decision; it is not dated before filing. */
export const guardPreservationAllowed: Guard = ({ snapshot }) => {
  const open = undecided(snapshot.preservations);
  return open
    ? [
        violation(
          'PRESERVATION_PENDING',
          `${open.preservedOn}先行登记保存的证据尚未作出处理决定，应先作出处理决定（行政处罚法第五十六条）`,
          'preservedOn',
        ),
      ]
    : ok;
};

/**
 * 行政处罚法 art. 56: the decision within 7 (working, art. 85) days. The law gives no consequence for a late
 * decision; 《市场监督管理行政处罚程序规定》 (on 先行登记保存) says a measure not decided in time lapses by
 * itself (逾期未作出处理决定的，先行登记保存措施自动解除). We follow that: after the 7 days the only decision
 * left is the release and return of the items (recorded, and the clock shows the agency was late); keeping,
 * testing, seizing or transferring them on a lapsed measure is refused.
 */
export const guardPreservationDecision: Guard = ({ snapshot, payload, ctx }) => {
  const open = undecided(snapshot.preservations);
  if (!open) return [violation('NO_PRESERVATION_PENDING', '没有待作出处理决定的先行登记保存')];
  const decidedOn = payload.decidedOn as string;
  if (decidedOn < open.preservedOn) {
    return [
      violation(
        'DATE_OUT_OF_ORDER',
        `「处理决定日期」（${decidedOn}）不能早于先行登记保存日期（${open.preservedOn}）`,
        'decidedOn',
      ),
    ];
  }
  const clock = findClock(computeClocks(snapshot, ctx), 'evidencePreservation');
  if (clock && decidedOn > clock.dueOn && payload.decision !== 'release') {
    return [
      violation(
        'PRESERVATION_LAPSED',
        `先行登记保存应当在七个工作日内（至${clock.dueOn}）作出处理决定；逾期未作出的，先行登记保存措施自动解除，只能登记解除并退还（行政处罚法第五十六条）`,
        'decision',
      ),
    ];
  }
  return ok;
};

/** art. 56: the case is not decided while preserved evidence still awaits its decision. */
export const guardPreservationsDecided: Guard = ({ snapshot }) => {
  const open = undecided(snapshot.preservations);
  return open
    ? [
        violation(
          'PRESERVATION_PENDING',
          `${open.preservedOn}先行登记保存的证据尚未作出处理决定（行政处罚法第五十六条）`,
          'preservations',
        ),
      ]
    : ok;
};
