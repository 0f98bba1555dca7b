// What the register's routes answer: the console's types come from these schemas.
import Type, { type Static } from 'typebox';
import { Nullable } from '../../platform/http/contract.ts';
import { AGENCY_TYPES } from './rules/agency.ts';
import { CERTIFICATE_ACTIONS, CERTIFICATE_STATUSES, REVOCATION_CAUSES } from './rules/certificate.ts';

const Literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Enum([...values], { description });
const Day = (description: string) => Type.String({ description: `${description}（YYYY-MM-DD）` });

export const RegionLevel = Literals(['province', 'city', 'county', 'township'] as const, '层级');
export type RegionLevel = Static<typeof RegionLevel>;

export const Region = Type.Object({
  code: Type.String({ description: '行政区划代码' }),
  name: Type.String({ description: '名称' }),
  level: RegionLevel,
  parentCode: Nullable(Type.String({ description: '上级区划代码' })),
});
export type Region = Static<typeof Region>;

/** `GET /api/regions`: every region, the console builds the tree. */
export const RegionList = Type.Object({ items: Type.Array(Region) });
export type RegionList = Static<typeof RegionList>;

export const EnforcementCategory = Type.Object({
  code: Type.String({ description: '执法类别代码' }),
  name: Type.String({ description: '执法类别' }),
});
export type EnforcementCategory = Static<typeof EnforcementCategory>;
export const CategoryList = Type.Object({ items: Type.Array(EnforcementCategory) });
export type CategoryList = Static<typeof CategoryList>;

// ── agencies ────────────────────────────────────────────────────────────────────────────────────────
export const AgencyType = Literals(AGENCY_TYPES, '主体类型');
export type AgencyType = Static<typeof AgencyType>;

export const Entrustment = Type.Object({
  entrustingAgencyId: Type.String(),
  entrustingAgencyName: Type.String({ description: '委托机关' }),
  basis: Type.String({ description: '委托依据' }),
  items: Type.Array(Type.String(), { description: '委托事项' }),
  powers: Type.Array(Type.String(), { description: '委托权限' }),
  termStart: Day('委托期限起始日期'),
  termEnd: Day('委托期限截止日期'),
});
export type Entrustment = Static<typeof Entrustment>;

export const Unit = Type.Object({
  id: Type.String(),
  name: Type.String({ description: '内设机构名称' }),
  functions: Type.String({ description: '职能' }),
  isReviewUnit: Type.Boolean({ description: '是否法制审核机构' }),
});
export type Unit = Static<typeof Unit>;

const agencyFields = {
  id: Type.String(),
  name: Type.String({ description: '执法主体名称' }),
  uscc: Type.String({ description: '统一社会信用代码' }),
  type: AgencyType,
  typeLabel: Type.String({ description: '主体类型名称' }),
  legalBasis: Type.String({ description: '设立依据' }),
  functions: Type.String({ description: '职能' }),
  regionCode: Type.String(),
  regionName: Type.String({ description: '行政区划' }),
  contactPhone: Type.String({ description: '联系电话' }),
  contactAddress: Type.String({ description: '联系地址' }),
  parentId: Nullable(Type.String()),
  parentName: Nullable(Type.String({ description: '上级执法主体' })),
  entrustment: Nullable(Entrustment),
};

/** An agency in a list (`GET /api/agencies`): units and subordinates are in the detail. */
export const Agency = Type.Object(agencyFields);
export type Agency = Static<typeof Agency>;
export const AgencyList = Type.Object({ items: Type.Array(Agency), total: Type.Integer() });
export type AgencyList = Static<typeof AgencyList>;

/** What the caller may do with this agency, decided by the register's policy. */
export const AgencyRights = Type.Object({
  edit: Type.Boolean({ description: '修改执法主体及其内设机构' }),
  manageOfficers: Type.Boolean({ description: '登记、调整本主体的执法人员' }),
});
export type AgencyRights = Static<typeof AgencyRights>;

/** `GET /api/agencies/:id` and the answers of its writes. */
export const AgencyDetail = Type.Object({
  ...agencyFields,
  units: Type.Array(Unit, { description: '内设机构' }),
  subordinates: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), {
    description: '下属单位',
  }),
  can: AgencyRights,
});
export type AgencyDetail = Static<typeof AgencyDetail>;

/** `GET /api/agencies/:id/reviewer-ratio` (L1). */
export const ReviewerRatio = Type.Object({
  officers: Type.Integer({ description: '持有效证件的执法人员数' }),
  reviewers: Type.Integer({ description: '其中法制审核人员数' }),
  ratio: Type.Number({ description: '法制审核人员占比（小数）' }),
  required: Type.Number({ description: '最低占比（小数，0.05）' }),
  requiredReviewers: Type.Integer({ description: '按人数至少需要的法制审核人员数' }),
  minRatio: Type.Number({ description: '最低占比（小数）' }),
  meets: Type.Boolean({ description: '是否达标' }),
  source: Type.Object({
    zh: Type.String({ description: '依据' }),
    en: Type.String(),
    seedRef: Type.Optional(Type.String()),
  }),
});
export type ReviewerRatio = Static<typeof ReviewerRatio>;

// ── officers ────────────────────────────────────────────────────────────────────────────────────────
export const CertificateStatus = Literals(CERTIFICATE_STATUSES, '登记的证件状态');
export type CertificateStatus = Static<typeof CertificateStatus>;
export const EffectiveStatus = Literals(
  [...CERTIFICATE_STATUSES, 'expired', 'not_yet_valid', 'auxiliary'] as const,
  '当日的证件状态（auxiliary：无执法证件）',
);
export type EffectiveStatus = Static<typeof EffectiveStatus>;
export const RevocationCause = Literals(REVOCATION_CAUSES, '注销原因');
export type RevocationCause = Static<typeof RevocationCause>;
export const CertificateAction = Literals(CERTIFICATE_ACTIONS, '证件操作');
export type CertificateAction = Static<typeof CertificateAction>;

export const TrainingHours = Type.Object({ year: Type.Integer(), hours: Type.Number() });
export type TrainingHours = Static<typeof TrainingHours>;

const officerFields = {
  id: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String({ description: '所属执法主体' }),
  unitId: Nullable(Type.String()),
  name: Type.String({ description: '姓名' }),
  isAuxiliary: Type.Boolean({ description: '是否执法辅助人员' }),
  certificateNo: Nullable(Type.String({ description: '执法证件编号' })),
  categories: Type.Array(Type.String(), { description: '执法类别代码' }),
  enforcementRegionCode: Nullable(Type.String({ description: '执法区域' })),
  issueDate: Nullable(Day('发证日期')),
  expiryDate: Nullable(Day('有效期截止日期')),
  status: CertificateStatus,
  revocationCause: Nullable(RevocationCause),
  effectiveStatus: EffectiveStatus,
  effectiveStatusLabel: Type.String({ description: '证件状态' }),
  isLegalReviewer: Type.Boolean({ description: '是否法制审核人员' }),
  legalQualificationNo: Nullable(Type.String({ description: '法律职业资格证书编号' })),
  reviewingSince: Nullable(Day('首次从事法制审核日期')),
  trainingHours: Type.Array(TrainingHours, { description: '培训学时' }),
  // Personal data: null in lists; the detail carries it and its read is audited.
  phone: Nullable(Type.String({ description: '联系电话' })),
};

/** An officer as lists and writes answer (no certificate history, no phone in lists). */
export const Officer = Type.Object(officerFields);
export type Officer = Static<typeof Officer>;
export const OfficerPage = Type.Object({ items: Type.Array(Officer), total: Type.Integer() });
export type OfficerPage = Static<typeof OfficerPage>;

export const CertificateEvent = Type.Object({
  action: CertificateAction,
  fromStatus: CertificateStatus,
  toStatus: CertificateStatus,
  reason: Type.String({ description: '理由' }),
  revocationCause: Nullable(RevocationCause),
  at: Type.String({ description: 'ISO 8601' }),
});
export type CertificateEvent = Static<typeof CertificateEvent>;

/** What the caller may do with this officer, decided by the register's policy and the certificate. */
export const OfficerRights = Type.Object({
  edit: Type.Boolean({ description: '修改执法人员信息' }),
  certificateActions: Type.Array(CertificateAction, { description: '此刻可对证件进行的操作' }),
});
export type OfficerRights = Static<typeof OfficerRights>;

/** `GET /api/officers/:id`: with personal data, the certificate history and the caller's rights. */
export const OfficerDetail = Type.Object({
  ...officerFields,
  certificateEvents: Type.Array(CertificateEvent, { description: '证件变更记录' }),
  can: OfficerRights,
});
export type OfficerDetail = Static<typeof OfficerDetail>;

/** `GET /api/officers/:id/can-act` (O3). */
export const CanActAnswer = Type.Object({
  allowed: Type.Boolean({ description: '能否执法' }),
  reasons: Type.Array(
    Type.Object({
      code: Type.String(),
      message: Type.String({ description: '不能执法的原因' }),
      field: Type.Optional(Type.String()),
    }),
  ),
});
export type CanActAnswer = Static<typeof CanActAnswer>;

/** `POST /api/officers/import` (201). Refusals answer 400 with `error.rows` (docs/api.md). */
export const ImportAnswer = Type.Object({ imported: Type.Integer({ description: '导入人数' }) });
export type ImportAnswer = Static<typeof ImportAnswer>;
