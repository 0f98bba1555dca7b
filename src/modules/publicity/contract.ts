// What the portal's JSON routes (`/api/public/*`) answer: only what the law publishes, no personal data.
import Type, { type Static } from 'typebox';
import { FileAnswer, Nullable } from '../../platform/http/contract.ts';
import { CaseClock } from '../cases/contract.ts';

/** `GET /api/public/officers/:certificateNo`. */
export const PublicOfficerAnswer = Type.Object({
  certificateNo: Type.String(),
  name: Type.String(),
  agency: Type.String({ description: '所属执法主体' }),
  categories: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), {
    description: '执法类别',
  }),
  region: Nullable(Type.Object({ code: Type.String(), name: Type.String() }, { description: '执法区域' })),
  status: Type.String({ description: '证件状态代码' }),
  statusLabel: Type.String({ description: '证件状态' }),
  validFrom: Nullable(Type.String({ description: '发证日期（YYYY-MM-DD）' })),
  validUntil: Nullable(Type.String({ description: '有效期至（YYYY-MM-DD）' })),
});
export type PublicOfficerAnswer = Static<typeof PublicOfficerAnswer>;

export const PublicAgencyAnswer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String({ description: '主体类型代码' }),
  typeLabel: Type.String({ description: '主体类型' }),
  uscc: Type.String({ description: '统一社会信用代码' }),
  regionCode: Type.String(),
  regionName: Type.String(),
  legalBasis: Type.String({ description: '设立依据' }),
  functions: Type.String({ description: '执法职责' }),
  contactPhone: Type.String({ description: '机关联系电话' }),
  contactAddress: Type.String({ description: '机关地址' }),
});
export type PublicAgencyAnswer = Static<typeof PublicAgencyAnswer>;

/** `GET /api/public/agencies`. */
export const PublicAgencyList = Type.Object({ items: Type.Array(PublicAgencyAnswer) });
export type PublicAgencyList = Static<typeof PublicAgencyList>;

/** `GET /api/public/documents/:id`: whether an issued document is authentic and unaltered. */
export const PublicDocumentCheckAnswer = Type.Object({
  id: Type.String(),
  title: Type.String({ description: '文书名称' }),
  number: Nullable(Type.String({ description: '文书编号' })),
  agency: Type.String({ description: '制作机关' }),
  issuedAt: Type.String({ description: '签发时间（ISO 8601）' }),
  contentHash: Type.String({ description: '内容的 SM3 哈希（十六进制）' }),
  signatureAlgorithm: Type.String(),
  publicKey: Nullable(Type.String({ description: '机关电子印章 SM2 公钥（十六进制）' })),
  unaltered: Type.Boolean({ description: '内容与签发时一致' }),
  signatureValid: Type.Boolean({ description: '电子印章签名有效' }),
});
export type PublicDocumentCheckAnswer = Static<typeof PublicDocumentCheckAnswer>;

/** `GET /officers/:certificateNo/badge.svg`. */
export const BadgeAnswer = FileAnswer('image/svg+xml', '执法证件核验二维码（SVG）');

// ——— 执法决定公开 (P8–P14) ———

const Category = Type.Union(
  [Type.Literal('penalty'), Type.Literal('no_penalty'), Type.Literal('coercive'), Type.Literal('inspection')],
  {
    description:
      '执法类别：penalty 行政处罚；no_penalty 不予行政处罚；coercive 行政强制；inspection 行政检查',
  },
);
const PublicStatus = Type.String({
  description:
    '公开状态：pending 待公开；published 已公开；withheld 依法不予公开；withdrawn 已撤下；expired 公示期满；removed 信用修复后提前撤下',
});

/** The notice as published: no natural person's identifiers. */
export const PublicNoticeAnswer = Type.Object({
  agencyName: Type.String({ description: '执法机关' }),
  agencyUscc: Type.String({ description: '执法机关统一社会信用代码' }),
  category: Category,
  categoryLabel: Type.String(),
  itemName: Type.String({ description: '执法事项' }),
  partyName: Type.String({ description: '执法对象（自然人姓名已隐去部分）' }),
  partyCategory: Type.String({ description: '行政相对人类别' }),
  partyCode: Nullable(Type.String({ description: '统一社会信用代码（自然人不公开证件号码）' })),
  legalRepresentative: Nullable(Type.String({ description: '法定代表人' })),
  documentNumber: Nullable(Type.String({ description: '决定书文号' })),
  caseCause: Type.String({ description: '违法行为类型（案由）' }),
  facts: Type.String({ description: '主要事实' }),
  violatedProvision: Type.String({ description: '违反的规定' }),
  legalBasis: Type.String({ description: '执法依据' }),
  penaltyKinds: Type.Array(Type.String(), { description: '处罚种类' }),
  content: Type.String({ description: '执法结论（处罚内容）' }),
  fineFen: Nullable(Type.Integer({ description: '罚款金额（分）' })),
  confiscatedFen: Nullable(Type.Integer({ description: '没收违法所得、非法财物金额（分）' })),
  decidedOn: Type.String({ description: '决定日期' }),
});

const Withdrawal = Nullable(
  Type.Object({
    reasonLabel: Type.String({ description: '撤下理由' }),
    note: Type.String({ description: '理由说明' }),
    withdrawnOn: Type.String({ description: '撤下日期' }),
  }),
);

export const PublicDecisionSummary = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  category: Category,
  categoryLabel: Type.String(),
  partyName: Type.String(),
  documentNumber: Nullable(Type.String()),
  caseCause: Type.String(),
  content: Type.String(),
  fineFen: Nullable(Type.Integer()),
  decidedOn: Type.String(),
  publishedOn: Type.String(),
  periodUntil: Nullable(Type.String({ description: '公示截止日期' })),
  status: PublicStatus,
  withdrawal: Withdrawal,
});

/** `GET /api/public/decisions`. */
export const PublicDecisionList = Type.Object({
  items: Type.Array(PublicDecisionSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type PublicDecisionList = Static<typeof PublicDecisionList>;

/** `GET /api/public/decisions/:id`. */
export const PublicDecisionAnswer = Type.Object({
  ...PublicDecisionSummary.properties,
  regionName: Type.String(),
  notice: Nullable(PublicNoticeAnswer),
  noticeHash: Nullable(Type.String({ description: '公开内容的 SM3 哈希，已记入执法记录账本' })),
});

const StaffClock = Nullable(CaseClock);

/** `GET /api/publications`: the staff list. */
export const PublicationList = Type.Object({
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      caseId: Type.String(),
      publicationId: Nullable(Type.String()),
      title: Type.String(),
      caseNumber: Nullable(Type.String()),
      partyName: Nullable(Type.String()),
      category: Category,
      decidedOn: Nullable(Type.String()),
      status: PublicStatus,
      clock: StaffClock,
      documentNumber: Nullable(Type.String()),
      publishedOn: Nullable(Type.String()),
      periodUntil: Nullable(Type.String()),
      reason: Nullable(Type.String({ description: '不予公开、撤下或提前撤下的理由' })),
    }),
  ),
});

/** `POST /api/publications/cases/:caseId/draft`: the notice as it would be published, and what was removed. */
export const PublicationDraft = Type.Object({
  caseId: Type.String(),
  caseTitle: Type.String(),
  caseNumber: Nullable(Type.String()),
  status: PublicStatus,
  statusLabel: Type.String(),
  publicationId: Nullable(Type.String()),
  notice: PublicNoticeAnswer,
  removed: Type.Array(
    Type.Object({
      field: Type.String(),
      fieldLabel: Type.String(),
      kind: Type.String(),
      kindLabel: Type.String(),
      original: Type.String({ description: '被隐去的原文（仅工作人员可见）' }),
      replacement: Type.String(),
    }),
  ),
  period: Type.Object({
    minMonths: Type.Integer(),
    maxMonths: Type.Integer(),
    longSector: Type.Boolean({ description: '特种设备、安全生产、消防领域（最短公示期一年）' }),
  }),
  clock: StaffClock,
  can: Type.Object({ publish: Type.Boolean(), withhold: Type.Boolean(), withdraw: Type.Boolean() }),
});

export type PublicationList = Static<typeof PublicationList>;
export type PublicationDraft = Static<typeof PublicationDraft>;

/** What publishing, withholding, withdrawing or removing answers. */
export const PublicationRecord = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  status: PublicStatus,
  publishedOn: Nullable(Type.String()),
  periodUntil: Nullable(Type.String()),
  withdrawnOn: Nullable(Type.String()),
  withdrawalDueOn: Nullable(Type.String({ description: '应在此日前撤下（3个工作日）' })),
});

/** `GET /open-data/decisions.json`: every notice on the portal, page by page. */
export const OpenDataDecisions = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      ...PublicNoticeAnswer.properties,
      publishedOn: Type.String({ description: '公开日期' }),
      periodUntil: Nullable(Type.String({ description: '公示截止日期' })),
    }),
  ),
});
export type PublicationRecord = Static<typeof PublicationRecord>;
