/**
 * Builders for the transition table (table.ts): the `t()` constructor, the inputs many transitions
 * share, and the transitions used in several states. Data only; nothing here checks anything.
 */
import type { Procedure } from './types.ts';
import {
  ACTION_LABELS,
  type ActionKey,
  type AvRequirement,
  type DocumentRef,
  type GuardKey,
  type InputSpec,
  OPEN_LABELS,
  type Performer,
  type TransitionSpec,
} from './vocabulary.ts';

export type Options = {
  guards?: readonly GuardKey[];
  inputs?: readonly InputSpec[];
  documents?: readonly DocumentRef[];
  /** The document the step issues itself; it is listed among the step's documents first. */
  issues?: DocumentRef;
  av?: AvRequirement;
  label?: string;
};

export function t(action: ActionKey, to: string, who: readonly Performer[], o: Options = {}): TransitionSpec {
  const spec: TransitionSpec = {
    action,
    label: o.label ?? ACTION_LABELS[action],
    to,
    who,
    guards: o.guards ?? [],
    inputs: o.inputs ?? [],
    documents: o.issues
      ? [o.issues, ...(o.documents ?? []).filter((d) => d !== o.issues)]
      : (o.documents ?? []),
    ...(o.issues ? { issues: o.issues } : {}),
  };
  return o.av ? { ...spec, av: o.av } : spec;
}

// ── inputs ───────────────────────────────────────────────────────────────────────────────────────
export const text = (key: string, label: string, optional = false): InputSpec =>
  optional ? { key, label, kind: 'text', optional } : { key, label, kind: 'text' };
export const pastDate = (key: string, label: string, optional = false): InputSpec =>
  optional ? { key, label, kind: 'past_date', optional } : { key, label, kind: 'past_date' };
export const REASON = text('reason', '理由');
export const TEAM: InputSpec = { key: 'teamOfficerIds', label: '承办执法人员', kind: 'officer_ids' };
export const PENALTY: InputSpec = { key: 'penalty', label: '处罚内容', kind: 'penalty' };
export const DOCUMENT_NO = text('documentNo', '文号');
export const PARTY_TYPE: InputSpec = {
  key: 'partyType',
  label: '当事人类型',
  kind: 'choice',
  options: ['natural_person', 'legal_person', 'other_organisation', 'individual_business'],
};
export const PARTY_ID = text('partyId', '当事人', true);
/**
 * 行政处罚法 art. 36: what filing records so the limitation can be checked — the act's day, or the end of
 * a continuing act, and whether the 5-year period applies.
 */
export const LIMITATION_INPUTS: readonly InputSpec[] = [
  pastDate('violationOn', '违法行为发生日期'),
  pastDate('violationEndedOn', '违法行为连续或者继续状态终了日期', true),
  {
    key: 'involvesSafety',
    label: '涉及公民生命健康安全、金融安全且有危害后果',
    kind: 'flag',
    optional: true,
  },
];
export const SERVICE_METHOD: InputSpec = {
  key: 'method',
  label: '送达方式',
  kind: 'choice',
  options: ['direct', 'left_at_address', 'post', 'electronic', 'entrusted', 'public_notice'],
  optionLabels: {
    direct: '直接送达',
    left_at_address: '留置送达',
    post: '邮寄送达',
    electronic: '电子送达',
    entrusted: '委托送达',
    public_notice: '公告送达',
  },
};

// ── transitions used in several states ───────────────────────────────────────────────────────────
export const archive = t('archive', 'archived', ['assigned_officer', 'agency_admin'], {
  documents: ['case_file'],
});
export const reassignTeam = (state: string) =>
  t('reassign_team', state, ['agency_head'], { guards: ['team'], inputs: [TEAM] });

/** Ordinary procedure, any state before the decision. */
export function beforeDecision(state: string): TransitionSpec[] {
  return [
    t('approve_extension', state, ['agency_head'], {
      guards: ['extensionAllowed'],
      inputs: [REASON],
      documents: ['extension_approval'],
    }),
    t('flag_complex', state, ['assigned_officer', 'agency_head'], { inputs: [REASON] }),
    reassignTeam(state),
    t('withdraw', 'withdrawn', ['agency_head'], { inputs: [REASON] }),
    t('transfer', 'transferred', ['agency_head'], {
      inputs: [text('recipient', '接收机关'), REASON],
      documents: ['transfer_letter'],
    }),
    // C7, 行政处罚法 art. 27: suspected crimes go to the judicial organs with the evidence.
    t('refer_criminal', 'criminal_referral', ['agency_head'], {
      inputs: [text('recipient', '接收的司法机关'), text('evidenceList', '移交证据清单'), REASON],
      documents: ['criminal_referral_letter'],
    }),
  ];
}

export const returnForInvestigation = t(
  'return_for_investigation',
  'investigation',
  ['legal_reviewer', 'agency_head'],
  {
    inputs: [REASON],
  },
);

/**
 * 行政处罚法 art. 45: the facts, reasons and evidence the party put forward are re-examined (复核), and
 * adopted where they hold; the conclusion is recorded with its reasons before the decision.
 */
export const reexamineStatement = (state: string) =>
  t('reexamine_statement', state, ['assigned_officer', 'agency_head'], {
    guards: ['statementToReexamine'],
    inputs: [
      {
        key: 'conclusion',
        label: '复核结论',
        kind: 'choice',
        options: ['accepted', 'partly_accepted', 'not_accepted'],
        optionLabels: { accepted: '采纳', partly_accepted: '部分采纳', not_accepted: '不予采纳' },
      },
      text('reasons', '复核理由'),
    ],
  });

export function decide(extra: readonly InputSpec[] = []): TransitionSpec {
  return t('decide', 'decided', ['agency_head'], {
    guards: [
      'team',
      'legalReview',
      'decisionTimeLimit',
      'collectiveDiscussion',
      'notHeavierThanNotified',
      'statementReexamined',
    ],
    inputs: [PENALTY, DOCUMENT_NO, ...extra],
    issues: 'penalty_decision',
  });
}

export function decideNoPenalty(extra: readonly InputSpec[] = []): TransitionSpec {
  return t('decide_no_penalty', 'no_penalty', ['agency_head'], {
    guards: ['team', 'legalReview', 'decisionTimeLimit'],
    inputs: [REASON, DOCUMENT_NO, ...extra],
    documents: ['no_penalty_decision'],
  });
}

export const recordExecution = t('record_execution', 'executed', ['assigned_officer'], {
  guards: ['paymentComplete'],
  inputs: [
    pastDate('executedOn', '执行完毕日期'),
    { key: 'paidFen', label: '实缴金额', kind: 'fen', optional: true },
    text('surchargeNotImposedReason', '不加处罚款的理由', true),
  ],
});
/**
 * 行政强制法 art. 54: before applying to the court the agency demands performance (催告) in writing; the
 * 催告书 itself is not issued by the platform yet (its service date is recorded).
 */
export const serveDemandNotice = (state: string) =>
  t('serve_demand_notice', state, ['assigned_officer', 'agency_head'], {
    guards: ['demandNoticeAllowed'],
    inputs: [pastDate('servedOn', '催告书送达日期')],
  });
/** 行政强制法 arts. 53–54, 行政处罚法 art. 72(1)(4): only after the 催告 and the remedy periods. */
export const applyCourtEnforcement = t('apply_court_enforcement', 'compulsory_execution', ['agency_head'], {
  guards: ['courtEnforcementAllowed'],
  inputs: [text('court', '人民法院')],
});

export const open = (
  procedure: Procedure,
  to: string,
  who: readonly Performer[],
  o: Options,
): TransitionSpec => t('open', to, who, { ...o, label: OPEN_LABELS[procedure] });
