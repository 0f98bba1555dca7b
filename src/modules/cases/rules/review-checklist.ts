/**
 * The platform's own answers to the 审核内容清单 (蚌埠任务分解方案 item 30; 行政处罚法 art. 58): for each of
 * the 8 points, what the platform's records say (facts, in Chinese) and whether something there calls for
 * the reviewer's attention. The reviewer still judges every point; these lines only gather the records.
 *
 * Pure: the service (cases/review-insight.ts) reads the register, the catalogue, the evidence, the ledger
 * and the case, and hands them in.
 */
import { isWithinRegion } from '../../../platform/identifiers/region-code.ts';
import { canAct } from '../../org/rules/can-act.ts';
import { REVIEW_CHECKLIST, type ReviewPoint } from './legal-review.ts';
import { PENALTY_KIND_LABELS, type PenaltyTerms, type TeamMember } from './types.ts';

export type ChecklistAnswer = { point: ReviewPoint; label: string; facts: string[]; attention: boolean };

export type ChecklistInput = {
  /** The case's agency as the register has it (执法主体). */
  agency: {
    id: string;
    name: string;
    typeLabel: string;
    legalBasis: string | null;
    regionCode: string;
    regionName: string;
    entrustment: { entrustingAgencyName: string; termStart: string; termEnd: string; basis: string } | null;
  };
  /** The enforcement item as the catalogue has it; null when it is gone from the catalogue. */
  item: {
    code: string;
    name: string;
    agencyId: string;
    agencyName: string;
    categoryCode: string;
    categoryName: string;
    legalBasis: string;
    /** 罚款幅度, when the catalogue records one (it records none yet: the line then says so). */
    fineRangeFen?: { minFen: number; maxFen: number } | null;
  } | null;
  regionCode: string;
  regionName: string;
  /** The officers who act on the case, with what they are on it as. */
  officers: { record: TeamMember; roles: string[] }[];
  /** The steps taken, oldest first: who acted (an officer's id when staff), on which day. */
  steps: { on: string; label: string; actorName: string; officerId: string | null }[];
  /** The case's clocks as the case page shows them. */
  clocks: { label: string; dueOn: string; state: string; late: boolean; duty: string }[];
  evidence: { title: string; isAv: boolean; mediaTypeLabel: string; inLedger: boolean }[];
  /** The evidence ids the latest round fixed, and those on the case now. */
  reviewedEvidenceIds: readonly string[] | null;
  evidenceIds: readonly string[];
  /** The latest round's proposal, or null when nothing was submitted yet. */
  proposal: { penalty: PenaltyTerms | null; provisions: string; discretion: string } | null;
  documents: {
    issued: { label: string; number: string | null }[];
    required: { label: string; step: string }[];
  };
  today: string;
};

const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 罚款人民币30,000.00元；警告 — the proposal in words (the rules do not reach the documents' formatter). */
export function proposalInWords(p: PenaltyTerms | null): string {
  if (!p?.kinds.length) return '无处罚内容';
  return p.kinds
    .map((k) => {
      if (k === 'fine' && p.fineFen !== undefined) return `罚款人民币${yuan(p.fineFen)}元`;
      if (k === 'confiscate_illegal_gains' && p.confiscatedGainsFen !== undefined)
        return `没收违法所得人民币${yuan(p.confiscatedGainsFen)}元`;
      return PENALTY_KIND_LABELS[k];
    })
    .join('；');
}

function agencyPoint(i: ChecklistInput): Omit<ChecklistAnswer, 'point' | 'label'> {
  const a = i.agency;
  const facts = [`执法主体：${a.name}（${a.typeLabel}执法主体）`];
  facts.push(a.legalBasis ? `主体依据：${a.legalBasis}` : '主体登记中未填写设立或授权依据');
  let attention = false;
  if (a.entrustment) {
    const e = a.entrustment;
    facts.push(
      `受${e.entrustingAgencyName}委托执法，委托依据：${e.basis}，委托期限${e.termStart}至${e.termEnd}`,
    );
    // 行政处罚法 art. 20: an entrusted organisation acts only within the entrustment's term.
    if (i.today < e.termStart || i.today > e.termEnd) {
      facts.push(`今日（${i.today}）不在委托期限内`);
      attention = true;
    }
  }
  return { facts, attention };
}

function officersPoint(i: ChecklistInput): Omit<ChecklistAnswer, 'point' | 'label'> {
  const facts: string[] = [];
  let attention = false;
  const category = i.item ? { code: i.item.categoryCode, name: i.item.categoryName } : null;
  for (const { record: o, roles } of i.officers) {
    const name = o.name ?? '（未登记姓名）';
    const cert = o.isAuxiliary ? '执法辅助人员，无执法证件' : `执法证件号${o.certificateNo ?? '未登记'}`;
    facts.push(`${name}（${roles.join('、')}）：${cert}`);
    const taken = i.steps.filter((s) => s.officerId === o.id);
    if (taken.length === 0) facts.push(`${name}未以本人名义办理过本案的环节`);
    for (const s of taken) {
      if (!category) continue;
      // O3 (org rules can-act.ts): the certificate valid on the day of the step, covering the category.
      const d = canAct(o, {
        categoryCode: category.code,
        categoryName: category.name,
        regionCode: i.regionCode,
        date: s.on,
      });
      if (d.allowed) facts.push(`${name}于${s.on}${s.label}：证件有效，执法类别包含“${category.name}”`);
      else {
        attention = true;
        facts.push(`${name}于${s.on}${s.label}：${d.reasons.map((r) => r.message).join('；')}`);
      }
    }
  }
  if (i.officers.length === 0) {
    facts.push('本案尚未指定承办执法人员');
    attention = true;
  }
  return { facts, attention };
}

function procedurePoint(i: ChecklistInput): Omit<ChecklistAnswer, 'point' | 'label'> {
  const facts = i.steps.map((s) => `${s.on} ${s.label}（${s.actorName}）`);
  let attention = false;
  for (const c of i.clocks) {
    if (c.duty !== 'agency') continue;
    if (c.state === 'overdue') {
      facts.push(`${c.label}：已于${c.dueOn}届满，尚未办结，已超期`);
      attention = true;
    } else if (c.state === 'done' && c.late) {
      facts.push(`${c.label}：期限为${c.dueOn}，超期办结`);
      attention = true;
    } else if (c.state === 'done') facts.push(`${c.label}：期限为${c.dueOn}，已按期办结`);
    else if (c.state === 'warning') facts.push(`${c.label}：期限至${c.dueOn}，即将届满`);
    else if (c.state === 'stopped') facts.push(`${c.label}：期限至${c.dueOn}，已停止计算`);
    else facts.push(`${c.label}：期限至${c.dueOn}，尚未届满`);
  }
  return { facts, attention };
}

function factsPoint(i: ChecklistInput): Omit<ChecklistAnswer, 'point' | 'label'> {
  const av = i.evidence.filter((e) => e.isAv).length;
  const facts = [`证据共${i.evidence.length}份，其中音像记录${av}份`];
  let attention = i.evidence.length === 0;
  for (const e of i.evidence) {
    const kind = e.isAv ? `音像记录·${e.mediaTypeLabel}` : e.mediaTypeLabel;
    // R6: every stored record is logged in the ledger with its content hash; a missing entry is a gap.
    facts.push(
      `${e.title}（${kind}）：${e.inLedger ? '已记入存证账本，内容哈希一致' : '存证账本中没有一致的记录'}`,
    );
    if (!e.inLedger) attention = true;
  }
  if (i.reviewedEvidenceIds) {
    const reviewed = new Set(i.reviewedEvidenceIds);
    const added = i.evidenceIds.filter((id) => !reviewed.has(id)).length;
    if (added > 0) {
      facts.push(`最近一轮送审后又增加证据${added}份`);
      attention = true;
    }
  }
  return { facts, attention };
}

function lawPoint(i: ChecklistInput): Omit<ChecklistAnswer, 'point' | 'label'> {
  const facts: string[] = [];
  let attention = false;
  if (i.item) facts.push(`执法事项的法律依据：${i.item.legalBasis}`);
  const range = i.item?.fineRangeFen ?? null;
  if (range) facts.push(`事项登记的罚款幅度：${yuan(range.minFen)}元至${yuan(range.maxFen)}元`);
  else facts.push('执法事项目录未登记罚款幅度，须对照法律依据判断');
  if (!i.proposal) {
    facts.push('尚未送审拟处理意见');
    return { facts, attention };
  }
  const p = i.proposal;
  facts.push(`最近一轮拟处理意见：${proposalInWords(p.penalty)}`);
  facts.push(`送审的法律依据：${p.provisions || '未填写'}`);
  if (p.discretion) facts.push(`裁量理由：${p.discretion}`);
  const fine = p.penalty?.fineFen;
  if (range && fine !== undefined && (fine < range.minFen || fine > range.maxFen)) {
    facts.push(`拟罚款${yuan(fine)}元，不在登记的幅度内`);
    attention = true;
  }
  return { facts, attention };
}

function competencePoint(i: ChecklistInput): Omit<ChecklistAnswer, 'point' | 'label'> {
  const facts: string[] = [];
  let attention = false;
  if (!i.item) {
    facts.push('执法事项已不在执法事项目录中');
    attention = true;
  } else if (i.item.agencyId === i.agency.id) {
    facts.push(`执法事项“${i.item.name}”（${i.item.code}）在${i.agency.name}的权责清单内`);
  } else {
    facts.push(`执法事项“${i.item.name}”属于${i.item.agencyName}，不在${i.agency.name}的权责清单内`);
    attention = true;
  }
  // Territorial competence: the case's region lies in the agency's (行政处罚法 art. 22).
  if (isWithinRegion(i.regionCode, i.agency.regionCode))
    facts.push(`案件发生地${i.regionName}在${i.agency.name}的管辖区域（${i.agency.regionName}）内`);
  else {
    facts.push(`案件发生地${i.regionName}不在${i.agency.name}的管辖区域（${i.agency.regionName}）内`);
    attention = true;
  }
  return { facts, attention };
}

function documentsPoint(i: ChecklistInput): Omit<ChecklistAnswer, 'point' | 'label'> {
  const issued = i.documents.issued;
  const facts = [
    issued.length === 0
      ? '尚未制作执法文书'
      : `已制作文书${issued.length}份：${issued.map((d) => (d.number ? `${d.label}（${d.number}）` : d.label)).join('、')}`,
  ];
  const have = new Set(issued.map((d) => d.label));
  const missing = i.documents.required.filter((d) => !have.has(d.label));
  // R7 (case-file.ts): the file is archived only with these; a review is the time to notice a gap.
  for (const d of missing) facts.push(`“${d.step}”要求的${d.label}尚未制作（归档时须齐备）`);
  if (missing.length === 0 && i.documents.required.length > 0)
    facts.push(`已办环节要求的${i.documents.required.map((d) => d.label).join('、')}均已制作`);
  return { facts, attention: missing.length > 0 };
}

function crimePoint(i: ChecklistInput): Omit<ChecklistAnswer, 'point' | 'label'> {
  const p = i.proposal?.penalty;
  const facts: string[] = [];
  if (p?.fineFen !== undefined) facts.push(`拟罚款${yuan(p.fineFen)}元`);
  if (p?.confiscatedGainsFen !== undefined) facts.push(`拟没收违法所得${yuan(p.confiscatedGainsFen)}元`);
  if (p?.confiscatedPropertyFen !== undefined)
    facts.push(`拟没收非法财物价值${yuan(p.confiscatedPropertyFen)}元`);
  facts.push('请结合违法事实、涉案金额与刑事立案追诉标准，考虑是否涉嫌犯罪、需移送司法机关');
  // The platform holds no criminal thresholds: this point is the reviewer's alone.
  facts.push('须由审核人员判断');
  return { facts, attention: false };
}

const POINT_ANSWERS: Record<ReviewPoint, (i: ChecklistInput) => Omit<ChecklistAnswer, 'point' | 'label'>> = {
  agency: agencyPoint,
  officers: officersPoint,
  procedure: procedurePoint,
  facts: factsPoint,
  law: lawPoint,
  competence: competencePoint,
  documents: documentsPoint,
  crime: crimePoint,
};

/** The 8 points in the checklist's order, each with the platform's facts and whether to look closer. */
export function checklistAnswers(i: ChecklistInput): ChecklistAnswer[] {
  return REVIEW_CHECKLIST.map((p) => ({ point: p.point, label: p.label, ...POINT_ANSWERS[p.point](i) }));
}
