/**
 * The transition table itself: per procedure, the opening transition and the transitions leaving each
 * state. machine.ts explains the choice of a table and answers questions about it.
 */
import {
  applyCourtEnforcement,
  approvePaymentDeferral,
  archive,
  beforeDecision,
  collectFineOnSpot,
  DOCUMENT_NO,
  decide,
  decideNoPenalty,
  decidePreservedEvidence,
  LIMITATION_INPUTS,
  legalReviewSteps,
  open,
  PARTY_ID,
  PARTY_TYPE,
  PENALTY,
  pastDate,
  preserveEvidence,
  REASON,
  reassignTeam,
  recordBankDeposit,
  recordExecution,
  recordInstalmentPayment,
  recordRemedy,
  recordRemedyEnd,
  recordRemittance,
  reexamineStatement,
  returnForInvestigation,
  SERVICE_METHOD,
  serveDemandNotice,
  TEAM,
  t,
  text,
} from './builders.ts';
import type { Procedure } from './types.ts';
import type { Machine, TransitionSpec } from './vocabulary.ts';

export const MACHINES: Readonly<Record<Procedure, Machine>> = {
  lead: {
    procedure: 'lead',
    opening: open('lead', 'registered', ['officer', 'agency_admin', 'agency_head'], {
      inputs: [
        {
          key: 'source',
          label: '案源来源',
          kind: 'choice',
          options: ['inspection', 'complaint', 'referral', 'assignment', 'other'],
          optionLabels: {
            inspection: '监督检查发现',
            complaint: '投诉举报',
            referral: '其他机关移送',
            assignment: '上级交办',
            other: '其他',
          },
        },
        text('summary', '案源内容'),
        PARTY_ID,
        { ...PARTY_TYPE, optional: true },
      ],
    }),
    transitions: {
      // 行政处罚法 art. 54: filing is approved by the agency head (立案审批).
      registered: [
        // art. 36: a violation discovered after the limitation is not filed.
        t('file', 'filed', ['agency_head'], {
          guards: ['limitation', 'notHandler'],
          inputs: LIMITATION_INPUTS,
          documents: ['filing_approval'],
        }),
        t('close_lead', 'closed', ['agency_head'], { inputs: [REASON] }),
        // The filing time runs from registration; the head may extend it once, before it runs out.
        t('extend_lead_filing', 'registered', ['agency_head'], {
          guards: ['leadExtensionAllowed', 'notHandler'],
          inputs: [REASON],
        }),
        t('transfer', 'transferred', ['agency_head'], { inputs: [text('recipient', '接收机关'), REASON] }),
      ],
    },
  },

  ordinary: {
    procedure: 'ordinary',
    // The filing itself (立案): approved by the head, with a qualified team of two or more.
    opening: open('ordinary', 'investigation', ['agency_head'], {
      guards: ['team', 'itemMatchesProcedure', 'limitation', 'notHandler'],
      inputs: [
        text('leadId', '案源'),
        TEAM,
        PARTY_ID,
        PARTY_TYPE,
        ...LIMITATION_INPUTS,
        // Filed from a lead, the service gives the lead's registration day: the limitation stops there.
        pastDate('discoveredOn', '发现违法行为日期', true),
      ],
      documents: ['filing_approval'],
    }),
    transitions: {
      investigation: [
        t('submit_for_review', 'case_review', ['assigned_officer'], {
          guards: ['team', 'evidenceRecorded'],
          av: { step: 'investigation', when: 'item' },
          documents: ['investigation_report', 'inquiry_record', 'inspection_record'],
        }),
        // 行政处罚法 art. 56: 先行登记保存 during the investigation, decided within 7 working days.
        preserveEvidence('investigation'),
        decidePreservedEvidence('investigation'),
        ...beforeDecision('investigation'),
      ],
      case_review: [
        returnForInvestigation,
        // The proposed penalty (拟处罚意见) is approved by the head, not the handler, before it is notified.
        t('approve_proposal', 'case_review', ['agency_head'], {
          guards: ['notHandler'],
          inputs: [PENALTY, text('opinion', '负责人审批意见')],
        }),
        // 行政处罚法 art. 44: before the decision the party is told the proposed penalty and rights.
        t('notify_rights', 'rights_notice', ['assigned_officer'], {
          guards: ['team', 'partyKnown', 'proposalApproved'],
          inputs: [PENALTY, pastDate('servedOn', '告知书送达日期')],
          issues: 'penalty_rights_notice',
        }),
        decideNoPenalty(),
        decidePreservedEvidence('case_review'),
        ...beforeDecision('case_review'),
      ],
      rights_notice: [
        t('record_statement', 'rights_notice', ['party', 'assigned_officer'], {
          inputs: [text('statement', '陈述、申辩意见')],
        }),
        reexamineStatement('rights_notice'),
        t('request_hearing', 'hearing', ['party', 'assigned_officer'], {
          guards: ['hearingAvailable', 'hearingRequestInTime'],
          inputs: [pastDate('requestedOn', '提出听证申请日期', true)],
        }),
        t('close_rights_period', 'decision_pending', ['assigned_officer'], {
          guards: ['rightsPeriodOver', 'waiverRecorded'],
          inputs: [
            { key: 'waived', label: '当事人书面放弃', kind: 'flag', optional: true },
            text('waiverRef', '放弃声明', true),
          ],
        }),
        returnForInvestigation,
        decidePreservedEvidence('rights_notice'),
        ...beforeDecision('rights_notice'),
      ],
      hearing: [
        t('schedule_hearing', 'hearing', ['assigned_officer', 'agency_head'], {
          guards: ['hearingNoticeInTime', 'hearingHostIndependent'],
          inputs: [
            { key: 'hearingDate', label: '听证日期', kind: 'date' },
            pastDate('noticeServedOn', '听证通知送达日期'),
            text('hostOfficerId', '听证主持人'),
          ],
          issues: 'hearing_notice',
        }),
        t('hold_hearing', 'decision_pending', ['hearing_host'], {
          guards: ['hearingDateReached'],
          av: { step: 'hearing', when: 'item' },
          documents: ['hearing_record'],
        }),
        // art. 64(6): not attending without good reason, or leaving, waives the hearing.
        t('waive_hearing', 'decision_pending', ['party', 'assigned_officer'], { inputs: [REASON] }),
        reexamineStatement('hearing'),
        decidePreservedEvidence('hearing'),
        ...beforeDecision('hearing'),
      ],
      decision_pending: [
        decide(),
        decideNoPenalty(),
        reexamineStatement('decision_pending'),
        t('submit_to_collective_discussion', 'collective_discussion', ['agency_head']),
        returnForInvestigation,
        decidePreservedEvidence('decision_pending'),
        ...beforeDecision('decision_pending'),
      ],
      collective_discussion: [
        decide([text('discussionRecord', '集体讨论记录')]),
        decideNoPenalty([text('discussionRecord', '集体讨论记录')]),
        reexamineStatement('collective_discussion'),
        returnForInvestigation,
        decidePreservedEvidence('collective_discussion'),
        ...beforeDecision('collective_discussion'),
      ],
      decided: [
        t('serve', 'served', ['assigned_officer'], {
          guards: ['electronicServiceConsent'],
          inputs: [
            SERVICE_METHOD,
            pastDate('servedOn', '送达日期'),
            text('consentRef', '电子送达确认书', true),
          ],
          // The 送达回证 is offered with the step (an electronic service is proven otherwise).
          issues: 'service_receipt',
          documents: ['service_receipt'],
        }),
        reassignTeam('decided'),
      ],
      served: [
        // art. 66 para 2: deferred or instalment payment on the party's application.
        approvePaymentDeferral,
        recordInstalmentPayment,
        recordExecution,
        // art. 69: in a remote, water or poorly connected area the fine may be collected on the spot.
        collectFineOnSpot,
        recordRemedy('served'),
        recordRemedyEnd('served'),
        serveDemandNotice('served'),
        applyCourtEnforcement,
        reassignTeam('served'),
      ],
      compulsory_execution: [
        recordExecution,
        recordRemedy('compulsory_execution'),
        recordRemedyEnd('compulsory_execution'),
      ],
      executed: [
        recordRemittance,
        recordBankDeposit,
        t('close', 'closed', ['agency_head'], {
          guards: ['spotFineSettled', 'notHandler'],
          issues: 'closing_approval',
          documents: ['closing_approval'],
        }),
      ],
      closed: [archive],
      no_penalty: [archive],
      withdrawn: [archive],
      transferred: [archive],
      criminal_referral: [archive],
    },
  },

  summary: {
    procedure: 'summary',
    opening: open('summary', 'on_site', ['assigned_officer'], {
      guards: ['team', 'itemMatchesProcedure'],
      inputs: [TEAM, PARTY_ID, PARTY_TYPE],
    }),
    transitions: {
      on_site: [
        // arts. 51-52: shown certificates, told the party, decision handed over on the spot.
        t('decide_on_spot', 'served', ['assigned_officer'], {
          guards: ['team', 'partyKnown', 'rightsNotifiedOnSpot', 'summaryThresholds'],
          inputs: [
            PENALTY,
            DOCUMENT_NO,
            { key: 'rightsNotified', label: '已当场告知并听取陈述申辩', kind: 'flag' },
          ],
          av: { step: 'on_site_penalty', when: 'item' },
          issues: 'on_spot_penalty_decision',
        }),
        t('decide_no_penalty', 'no_penalty', ['assigned_officer'], { guards: ['team'], inputs: [REASON] }),
        t('convert_to_ordinary', 'converted', ['assigned_officer'], { inputs: [REASON] }),
      ],
      served: [
        // arts. 68–70: collected on the spot with the 专用票据, or paid at the bank (art. 67).
        collectFineOnSpot,
        recordExecution,
        recordRemedy('served'),
        recordRemedyEnd('served'),
        serveDemandNotice('served'),
        applyCourtEnforcement,
      ],
      compulsory_execution: [
        recordExecution,
        recordRemedy('compulsory_execution'),
        recordRemedyEnd('compulsory_execution'),
      ],
      // art. 52 para 3: an on-the-spot decision is reported to the agency (备案); art. 71: money collected
      // on the spot reaches the agency and the bank before the case closes.
      executed: [
        recordRemittance,
        recordBankDeposit,
        t('close', 'closed', ['assigned_officer'], {
          guards: ['spotFineSettled'],
          inputs: [pastDate('reportedOn', '报所属行政机关备案日期')],
        }),
      ],
      closed: [archive],
      no_penalty: [archive],
      converted: [archive],
    },
  },

  coercive: {
    procedure: 'coercive',
    opening: open('coercive', 'pending_approval', ['assigned_officer'], {
      guards: ['team', 'itemMatchesProcedure'],
      inputs: [
        TEAM,
        PARTY_ID,
        PARTY_TYPE,
        {
          key: 'measure',
          label: '措施',
          kind: 'choice',
          options: ['seal', 'seize'],
          optionLabels: { seal: '查封', seize: '扣押' },
        },
        text('property', '场所、设施或者财物'),
        REASON,
      ],
    }),
    transitions: {
      // 行政强制法 art. 18(1): reported to and approved by the agency head before it is applied.
      pending_approval: [
        t('approve', 'approved', ['agency_head'], { guards: ['legalReview', 'notHandler'] }),
        t('reject', 'not_approved', ['agency_head'], { inputs: [REASON] }),
        reassignTeam('pending_approval'),
        ...legalReviewSteps('pending_approval', false),
      ],
      approved: [
        t('apply', 'in_effect', ['assigned_officer'], {
          guards: ['team'],
          inputs: [pastDate('appliedOn', '实施日期'), DOCUMENT_NO],
          av: { step: 'coercive_application', when: 'always' },
          issues: 'coercive_measure_decision',
          documents: ['inspection_record'],
        }),
        reassignTeam('approved'),
      ],
      in_effect: [
        t('extend', 'extended', ['agency_head'], {
          guards: ['coerciveExtensionInTime'],
          inputs: [REASON, pastDate('notifiedOn', '书面告知当事人日期')],
          documents: ['coercive_extension_decision'],
        }),
        ...coerciveCommon('in_effect'),
        ...legalReviewSteps('in_effect', false),
      ],
      // No `extend` here: the law allows one extension (art. 25), so a second is an illegal transition.
      extended: [...coerciveCommon('extended'), ...legalReviewSteps('extended', false)],
      released: [archive],
      disposed: [archive],
      not_approved: [archive],
    },
  },

  inspection: {
    procedure: 'inspection',
    opening: open('inspection', 'planned', ['assigned_officer', 'agency_head', 'agency_admin'], {
      guards: ['team', 'itemMatchesProcedure'],
      inputs: [TEAM, PARTY_ID, PARTY_TYPE],
    }),
    transitions: {
      planned: [
        t('inspect', 'inspected', ['assigned_officer'], {
          guards: ['team'],
          inputs: [pastDate('inspectedOn', '检查日期'), text('findings', '检查情况')],
          av: { step: 'inspection', when: 'item' },
          documents: ['inspection_record'],
        }),
        t('cancel', 'cancelled', ['agency_head'], { inputs: [REASON] }),
        reassignTeam('planned'),
      ],
      inspected: [
        t('close_no_issue', 'closed', ['assigned_officer']),
        t('order_rectification', 'rectifying', ['assigned_officer'], {
          guards: ['team'],
          inputs: [{ key: 'rectifyBy', label: '整改期限', kind: 'date' }, text('requirement', '整改要求')],
          documents: ['rectification_order'],
        }),
        t('register_lead', 'lead_registered', ['assigned_officer'], {
          inputs: [text('summary', '违法线索')],
        }),
      ],
      rectifying: [
        t('verify_rectification', 'closed', ['assigned_officer'], {
          guards: ['team'],
          inputs: [pastDate('verifiedOn', '复查日期'), text('result', '复查情况')],
          av: { step: 'rectification_check', when: 'item' },
        }),
        t('register_lead', 'lead_registered', ['assigned_officer'], {
          inputs: [text('summary', '违法线索')],
        }),
        reassignTeam('rectifying'),
      ],
      closed: [archive],
      lead_registered: [archive],
      cancelled: [archive],
    },
  },
};

function coerciveCommon(state: string): TransitionSpec[] {
  return [
    // art. 25 para 3: testing periods do not count, and the party is told in writing.
    t('record_testing', state, ['assigned_officer'], {
      guards: ['testingPeriodValid'],
      inputs: [
        { key: 'testingFrom', label: '检测起始日期', kind: 'date' },
        { key: 'testingTo', label: '检测结束日期', kind: 'date' },
        pastDate('notifiedOn', '书面告知当事人日期'),
      ],
    }),
    // art. 28: release when the grounds are gone, or when the term has expired.
    t('release', 'released', ['agency_head'], {
      inputs: [REASON],
      av: { step: 'coercive_release', when: 'item' },
      documents: ['coercive_release_decision'],
    }),
    // art. 27: within the term, confiscate, destroy as the law requires, or hand over to the penalty case.
    t('dispose', 'disposed', ['agency_head'], {
      guards: ['coerciveWithinTerm', 'legalReview'],
      inputs: [
        {
          key: 'disposition',
          label: '处理方式',
          kind: 'choice',
          options: ['confiscate', 'destroy', 'penalty_case'],
          optionLabels: { confiscate: '依法没收', destroy: '依法销毁', penalty_case: '转入行政处罚案件' },
        },
        REASON,
      ],
      documents: ['coercive_disposal_decision'],
    }),
    reassignTeam(state),
  ];
}
