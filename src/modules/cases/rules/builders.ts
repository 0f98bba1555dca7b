/**
 * Builders for the transition table (table.ts): the `t()` constructor, the inputs many transitions
 * share, and the transitions used in several states. Data only; nothing here checks anything.
 */
import { REVIEW_CHECKLIST } from './legal-review.ts';
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
      guards: ['extensionAllowed', 'notHandler'],
      inputs: [REASON],
      documents: ['extension_approval'],
    }),
    t('flag_complex', state, ['assigned_officer', 'agency_head'], { inputs: [REASON] }),
    // The investigation finds the facts first; what it found is then submitted for review.
    ...(state === 'investigation' ? [markReviewGrounds(state)] : legalReviewSteps(state, true)),
    reassignTeam(state),
    ...recusalSteps(state),
    ...decisionPauseSteps(state),
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

/**
 * 行政处罚法 art. 43: the party asks for an officer's recusal, or the officer asks to withdraw; the agency
 * head rules. Granted, the officer leaves the team (a replacement named when fewer than two remain).
 */
function recusalSteps(state: string): TransitionSpec[] {
  return [
    t('request_recusal', state, ['party', 'assigned_officer'], {
      guards: ['recusalRequestValid'],
      inputs: [
        text('officerId', '被申请回避的执法人员'),
        {
          key: 'requestedBy',
          label: '申请人',
          kind: 'choice',
          options: ['party', 'officer'],
          optionLabels: { party: '当事人申请', officer: '执法人员自行申请' },
          optional: true,
        },
        text('reason', '申请回避的理由'),
      ],
    }),
    t('rule_recusal', state, ['agency_head'], {
      guards: ['recusalRuling'],
      inputs: [
        {
          key: 'ruling',
          label: '回避决定',
          kind: 'choice',
          options: ['granted', 'refused'],
          optionLabels: { granted: '决定回避', refused: '不予回避' },
        },
        text('reason', '决定理由'),
        text('replacementOfficerId', '接替的执法人员', true),
      ],
    }),
  ];
}

/**
 * The decision limit (art. 60) leaves out 听证, 公告 and 检测、检验、检疫、鉴定 (《市场监督管理行政处罚程序规定》),
 * recorded with both ends; 中止 stops it until the resumption.
 */
function decisionPauseSteps(state: string): TransitionSpec[] {
  return [
    t('record_excluded_period', state, ['assigned_officer', 'agency_head'], {
      guards: ['excludedPeriodValid'],
      inputs: [
        {
          key: 'kind',
          label: '期间类别',
          kind: 'choice',
          options: ['hearing', 'public_notice', 'testing'],
          optionLabels: { hearing: '听证', public_notice: '公告', testing: '检测、检验、检疫、鉴定' },
        },
        pastDate('from', '起始日期'),
        pastDate('to', '结束日期'),
      ],
    }),
    t('suspend', state, ['agency_head'], {
      guards: ['suspensionAllowed'],
      inputs: [pastDate('suspendedOn', '中止日期'), text('reason', '中止理由')],
    }),
    t('resume', state, ['agency_head'], {
      guards: ['resumptionAllowed'],
      inputs: [pastDate('resumedOn', '恢复日期')],
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
      'preservationsDecided',
      'noRecusalPending',
      'notSuspended',
      'notHandler',
    ],
    inputs: [PENALTY, DOCUMENT_NO, ...extra],
    issues: 'penalty_decision',
  });
}

export function decideNoPenalty(extra: readonly InputSpec[] = []): TransitionSpec {
  return t('decide_no_penalty', 'no_penalty', ['agency_head'], {
    guards: ['team', 'legalReview', 'decisionTimeLimit', 'noRecusalPending', 'notSuspended', 'notHandler'],
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
  guards: ['noRemedyPending', 'courtEnforcementAllowed'],
  inputs: [text('court', '人民法院')],
});

/**
 * 行政处罚法 art. 66 para 2: deferral to a day, or a schedule of instalments summing to the fine (the
 * payment clock then follows the next unpaid instalment).
 */
export const approvePaymentDeferral = t('approve_payment_deferral', 'served', ['agency_head'], {
  guards: ['hasFine', 'instalmentsValid'],
  inputs: [
    { key: 'payUntil', label: '暂缓缴纳至', kind: 'date', optional: true },
    { key: 'instalments', label: '分期缴纳计划', kind: 'instalments', optional: true },
    REASON,
  ],
});
export const recordInstalmentPayment = t('record_instalment_payment', 'served', ['assigned_officer'], {
  guards: ['instalmentDue'],
  inputs: [
    pastDate('paidOn', '缴纳日期'),
    { key: 'paidFen', label: '本期实缴金额', kind: 'fen' },
    text('surchargeNotImposedReason', '不加处罚款的理由', true),
  ],
});

const REMEDY_KIND: InputSpec = {
  key: 'kind',
  label: '救济途径',
  kind: 'choice',
  options: ['reconsideration', 'litigation'],
  optionLabels: { reconsideration: '行政复议', litigation: '行政诉讼' },
};
/**
 * 行政处罚法 art. 73: the party applied for 复议 or sued; the decision is not suspended (para 1), but the
 * surcharge does not count those days (para 3) and the court is not asked meanwhile (行政强制法 art. 53).
 */
export const recordRemedy = (state: string) =>
  t('record_remedy', state, ['assigned_officer', 'agency_head'], {
    guards: ['remedyRecordable'],
    inputs: [REMEDY_KIND, pastDate('filedOn', '申请复议或者起诉日期'), text('body', '复议机关或者人民法院')],
  });
export const recordRemedyEnd = (state: string) =>
  t('record_remedy_end', state, ['assigned_officer', 'agency_head'], {
    guards: ['remedyPending'],
    inputs: [REMEDY_KIND, pastDate('endedOn', '终结日期（决定、裁判生效或者撤回）'), text('result', '结果')],
  });

/**
 * 行政处罚法 arts. 68–70: the fine collected on the spot, on the ground the law allows, against the
 * 专用票据 whose number is recorded; the case is then executed, the money still to reach the bank (art. 71).
 */
export const collectFineOnSpot = t('collect_fine_on_spot', 'executed', ['assigned_officer'], {
  guards: ['hasFine', 'spotCollectionAllowed', 'paymentComplete'],
  inputs: [
    pastDate('executedOn', '当场收缴日期'),
    { key: 'paidFen', label: '收缴金额', kind: 'fen' },
    text('receiptNo', '罚款专用票据号码', true),
    {
      key: 'ground',
      label: '当场收缴情形',
      kind: 'choice',
      options: ['small_fine', 'hard_to_enforce', 'remote_area'],
      optionLabels: {
        small_fine: '依法给予一百元以下罚款',
        hard_to_enforce: '不当场收缴事后难以执行',
        remote_area: '边远、水上、交通不便地区缴纳确有困难，当事人提出',
      },
    },
    text('groundDetail', '具体情形', true),
    { key: 'onWater', label: '在水上当场收缴', kind: 'flag', optional: true },
    pastDate('landedOn', '抵岸日期', true),
  ],
});
/** art. 71: the officer hands the money to the agency; the agency pays it into the bank. */
export const recordRemittance = t('record_remittance', 'executed', ['assigned_officer', 'agency_head'], {
  guards: ['spotRemittancePending'],
  inputs: [pastDate('remittedOn', '交至行政机关日期')],
});
export const recordBankDeposit = t('record_bank_deposit', 'executed', ['agency_head', 'agency_admin'], {
  guards: ['bankDepositPending'],
  inputs: [pastDate('depositedOn', '缴付指定银行日期'), text('bankReceiptNo', '银行缴款凭证号')],
});

/**
 * 行政处罚法 art. 56: where evidence may be lost or hard to obtain later, with the head's approval it is
 * registered and preserved in advance, and decided on within 7 (working) days.
 */
export const preserveEvidence = (state: string) =>
  t('preserve_evidence', state, ['assigned_officer'], {
    guards: ['team', 'preservationAllowed'],
    inputs: [
      pastDate('preservedOn', '先行登记保存日期'),
      text('items', '先行登记保存证据清单'),
      text('approvalRef', '机关负责人批准（审批表文号）'),
    ],
  });
export const decidePreservedEvidence = (state: string) =>
  t('decide_preserved_evidence', state, ['assigned_officer', 'agency_head'], {
    guards: ['preservationDecision'],
    inputs: [
      pastDate('decidedOn', '处理决定日期'),
      {
        key: 'decision',
        label: '处理决定',
        kind: 'choice',
        options: ['record_evidence', 'test', 'seize', 'transfer', 'release'],
        optionLabels: {
          record_evidence: '采取记录、复制、拍照、录像等证据保全措施后留存',
          test: '送交检测、检验、检疫、鉴定',
          seize: '依法采取查封、扣押措施',
          transfer: '移交有关部门处理',
          release: '解除先行登记保存，退还当事人',
        },
      },
      text('reason', '理由', true),
    ],
  });

export const open = (
  procedure: Procedure,
  to: string,
  who: readonly Performer[],
  o: Options,
): TransitionSpec => t('open', to, who, { ...o, label: OPEN_LABELS[procedure] });

// ── 法制审核 (rules/legal-review.ts) ──────────────────────────────────────────────────────────────
const REVIEW_GROUNDS_INPUT: InputSpec = {
  key: 'grounds',
  label: '重大执法决定情形（行政处罚法第五十八条）',
  kind: 'choices',
  options: ['major_public_interest', 'major_rights', 'complex_multiple_relations', 'other_law'],
  optionLabels: {
    major_public_interest: '涉及重大公共利益',
    major_rights: '直接关系当事人或者第三人重大权益，经过听证程序',
    complex_multiple_relations: '案件情况疑难复杂、涉及多个法律关系',
    other_law: '法律、法规规定应当进行法制审核的其他情形',
  },
};

/** The officer or the head marks the art. 58 grounds the case shows, with the reason. */
export const markReviewGrounds = (state: string) =>
  t('mark_review_grounds', state, ['assigned_officer', 'agency_head'], {
    inputs: [REVIEW_GROUNDS_INPUT, REASON],
  });

/**
 * Submission, opinion, dispute and coordination, and the extension of the review time: each a step of the
 * case in the state it is in (the case waits; the review is the head's condition for deciding).
 */
export function legalReviewSteps(state: string, penalty: boolean): TransitionSpec[] {
  return [
    markReviewGrounds(state),
    t('submit_legal_review', state, ['assigned_officer'], {
      guards: ['team', 'reviewSubmission', 'reviewerEligible'],
      inputs: [
        ...(penalty ? [{ ...PENALTY, label: '拟处理意见' }] : []),
        text('facts', '违法事实'),
        text('provisions', '法律依据'),
        text('discretion', '裁量理由', true),
        text('reviewerOfficerId', '法制审核人员'),
        text('response', '对审核意见的处理情况', true),
      ],
    }),
    // The 法制审核意见书 is offered, not required: rounds answered before it existed have none, and
    // case-file.ts does not ask the archive for it (行政处罚法 art. 58 asks for the review, not a form).
    t('record_review_opinion', state, ['legal_reviewer'], {
      guards: ['reviewOpinion'],
      issues: 'legal_review_opinion',
      documents: ['legal_review_opinion'],
      inputs: [
        {
          key: 'opinion',
          label: '审核意见',
          kind: 'choice',
          options: ['agree', 'correct', 'transfer'],
          optionLabels: { agree: '同意', correct: '纠正', transfer: '移送有权机关处理' },
        },
        text('reasons', '理由', true),
        {
          key: 'findings',
          label: '审核内容清单',
          kind: 'review_findings',
          optional: true,
          options: REVIEW_CHECKLIST.map((p) => p.point),
          optionLabels: Object.fromEntries(REVIEW_CHECKLIST.map((p) => [p.point, p.label])),
        },
      ],
    }),
    t('dispute_review_opinion', state, ['assigned_officer'], {
      guards: ['reviewDispute'],
      inputs: [text('reasons', '不同意见及理由')],
    }),
    t('coordinate_review', state, ['agency_head'], {
      guards: ['reviewCoordination'],
      inputs: [
        {
          key: 'outcome',
          label: '协调结果',
          kind: 'choice',
          options: ['agree', 'correct'],
          optionLabels: {
            agree: '采纳承办机构意见，可以作出决定',
            correct: '采纳法制审核意见，按审核意见修改',
          },
        },
        text('reasons', '协调理由'),
        { key: 'collectiveDiscussion', label: '经负责人集体讨论决定', kind: 'flag', optional: true },
      ],
    }),
    t('extend_legal_review', state, ['agency_head'], {
      guards: ['reviewExtension'],
      inputs: [REASON],
    }),
  ];
}
