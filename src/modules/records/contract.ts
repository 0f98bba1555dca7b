// What the whole-process records routes answer: the console's types come from these schemas.
import Type, { type Static } from 'typebox';
import { Nullable } from '../../platform/http/contract.ts';
import {
  CONFIDENTIALITY_LABELS,
  DEVICE_KIND_LABELS,
  DEVICE_STATUS_LABELS,
  MEDIA_TYPE_LABELS,
  RECORD_TYPE_LABELS,
  SPOT_CHECK_RESULT_LABELS,
} from './rules/vocabulary.ts';

/** The codes of a vocabulary, as a schema whose static type is their union. */
const codesOf = <T extends Record<string, string>>(labels: T, description: string) =>
  Type.Enum(Object.keys(labels) as (keyof T & string)[], { description });
const Instant = (description: string) => Type.String({ description: `${description}（ISO 8601）` });
const Day = (description: string) => Type.String({ description: `${description}（YYYY-MM-DD）` });
const Fraction = (description: string) => Type.Number({ description: `${description}（小数，0.25 即 25%）` });

export const MediaType = codesOf(MEDIA_TYPE_LABELS, '媒体类型');
export type MediaType = Static<typeof MediaType>;
export const Confidentiality = codesOf(CONFIDENTIALITY_LABELS, '保密标识');
export type Confidentiality = Static<typeof Confidentiality>;
export const DeviceKind = codesOf(DEVICE_KIND_LABELS, '设备类型');
export type DeviceKind = Static<typeof DeviceKind>;
export const DeviceStatus = codesOf(DEVICE_STATUS_LABELS, '设备状态');
export type DeviceStatus = Static<typeof DeviceStatus>;
export const RecordType = codesOf(RECORD_TYPE_LABELS, '记录类别');
export type RecordType = Static<typeof RecordType>;
export const SpotCheckResult = codesOf(SPOT_CHECK_RESULT_LABELS, '抽查结论');
export type SpotCheckResult = Static<typeof SpotCheckResult>;

/** A new record's id (`POST /api/devices`, `POST /api/spot-checks`). */
export const Created = Type.Object({ id: Type.String() });
export type Created = Static<typeof Created>;

// ── evidence ──────────────────────────────────────────────────────────────────────────────────────
/** An evidence or AV record's metadata (never its content: opening it is a logged read). */
/** What the caller may do with a record's content, decided by the server (rules/access.ts). */
export const RecordAccess = Type.Object({
  allowed: Type.Boolean({ description: '可以调阅' }),
  reasonRequired: Type.Boolean({ description: '调阅须填写事由' }),
  message: Nullable(Type.String({ description: '不能调阅的原因' })),
});

export const EvidenceSummary = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  stepKey: Type.String({ description: '记录环节' }),
  isAv: Type.Boolean({ description: '音像记录' }),
  mediaType: MediaType,
  mediaTypeLabel: Type.String({ description: '媒体类型' }),
  title: Type.String({ description: '名称' }),
  fileName: Type.String({ description: '文件名' }),
  mimeType: Type.String({ description: '文件格式（MIME）' }),
  size: Type.Integer({ description: '字节数' }),
  contentHash: Type.String({ description: '内容的 SM3 摘要' }),
  capturedAt: Instant('采集时间'),
  uploadedAt: Instant('上传时间'),
  deviceId: Nullable(Type.String({ description: '记录设备' })),
  officerId: Nullable(Type.String({ description: '记录人' })),
  location: Nullable(Type.String({ description: '地点' })),
  lateUpload: Type.Boolean({ description: '采集后超过24小时才上传' }),
  confidentiality: Confidentiality,
  confidentialityLabel: Type.String({ description: '保密标识' }),
  partyId: Nullable(Type.String({ description: '涉及的当事人' })),
  correctsId: Nullable(Type.String({ description: '归档后更正的记录' })),
  correctionReason: Nullable(Type.String({ description: '更正理由' })),
  access: RecordAccess,
});
export type EvidenceSummary = Static<typeof EvidenceSummary>;

/** `GET /api/cases/:id/evidence`. */
export const EvidenceList = Type.Object({ items: Type.Array(EvidenceSummary) });
export type EvidenceList = Static<typeof EvidenceList>;

/** `416`: the `Range` asked for lies outside the file (the usual error envelope). */
export const RangeRefused = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String({ description: '说明' }),
    field: Type.Optional(Type.String()),
  }),
});

// ── case files ────────────────────────────────────────────────────────────────────────────────────
/** One entry of a locked file's table of contents (rules/case-file.ts `CaseFileItem`). */
export const CaseFileItem = Type.Object({
  seq: Type.Integer({ description: '卷内顺序号（从1起）' }),
  recordType: Type.Enum(['document', 'evidence'], { description: '文书或证据' }),
  recordId: Type.String(),
  kind: Type.String({ description: '文书种类或记录环节' }),
  title: Type.String({ description: '名称' }),
  reference: Nullable(Type.String({ description: '文号或文件名' })),
  contentHash: Type.String({ description: 'SM3 摘要' }),
  at: Instant('形成时间'),
});
export type CaseFileItem = Static<typeof CaseFileItem>;

/** What the steps a case took required of its file, and what was missing when it was locked (R7). */
export const Completeness = Type.Object({
  complete: Type.Boolean({ description: '案卷完整' }),
  missingDocuments: Type.Array(
    Type.Object({ kind: Type.String(), label: Type.String({ description: '文书' }), step: Type.String() }),
  ),
  missingAv: Type.Array(Type.Object({ step: Type.String(), label: Type.String({ description: '环节' }) })),
});
export type Completeness = Static<typeof Completeness>;

/** `GET /api/cases/:id/case-file`: the locked 案卷 and the corrections added after locking. */
export const CaseFile = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseTitle: Type.String({ description: '案件名称' }),
  procedure: Type.String({ description: '程序' }),
  endedOn: Day('执法行为终结日'),
  dueOn: Day('归档期限'),
  lockedAt: Instant('归档锁定时间'),
  late: Type.Boolean({ description: '超过归档期限' }),
  items: Type.Array(CaseFileItem, { description: '卷内目录' }),
  completeness: Completeness,
  manifestHash: Type.String({ description: '卷内目录的 SM3 摘要' }),
  intact: Type.Boolean({ description: '卷内目录与锁定时一致' }),
  corrections: Type.Array(EvidenceSummary, { description: '归档后的更正' }),
});
export type CaseFile = Static<typeof CaseFile>;

// ── record access supervision ─────────────────────────────────────────────────────────────────────
/** One opening of a record (R9): who, when, which record of which case, and why. */
export const AccessLogEntry = Type.Object({
  id: Type.Integer(),
  at: Instant('调阅时间'),
  userId: Type.String(),
  userName: Nullable(Type.String({ description: '调阅人' })),
  role: Type.String({ description: '调阅时的角色（代码）' }),
  roleLabel: Type.String({ description: '调阅时的角色' }),
  recordType: RecordType,
  recordTypeLabel: Type.String({ description: '记录类别' }),
  recordId: Type.String(),
  recordTitle: Nullable(Type.String({ description: '记录名称（证据的名称；案卷为空，见案件名称）' })),
  caseId: Type.String(),
  caseTitle: Nullable(Type.String({ description: '案件名称' })),
  agencyId: Type.String(),
  agencyName: Nullable(Type.String({ description: '执法机关' })),
  confidentiality: Confidentiality,
  confidentialityLabel: Type.String({ description: '保密标识' }),
  purpose: Type.Enum(['open', 'download'], { description: '打开或下载' }),
  reason: Nullable(Type.String({ description: '调阅事由' })),
});
export type AccessLogEntry = Static<typeof AccessLogEntry>;

/** `GET /api/record-access`, newest first. */
export const AccessLog = Type.Object({ items: Type.Array(AccessLogEntry) });
export type AccessLog = Static<typeof AccessLog>;

/** `GET /api/records/statistics`. */
export const UploadStatistics = Type.Object({
  from: Day('统计期间起'),
  to: Day('统计期间止'),
  agencies: Type.Array(
    Type.Object({
      agencyId: Type.String(),
      agencyName: Type.String({ description: '执法机关' }),
      total: Type.Integer({ description: '记录总数' }),
      av: Type.Integer({ description: '音像记录数' }),
      late: Type.Integer({ description: '超过24小时上传的音像记录数' }),
      lateRatio: Fraction('超时上传比例'),
    }),
  ),
  officers: Type.Array(
    Type.Object({
      agencyId: Type.String(),
      officerId: Type.String(),
      officerName: Nullable(Type.String({ description: '执法人员' })),
      av: Type.Integer({ description: '音像记录数' }),
      late: Type.Integer({ description: '超过24小时上传的音像记录数' }),
      lateRatio: Fraction('超时上传比例'),
    }),
  ),
});
export type UploadStatistics = Static<typeof UploadStatistics>;

// ── spot checks ───────────────────────────────────────────────────────────────────────────────────
const coverageFields = {
  population: Type.Integer({ description: '期间内已归档的案卷数' }),
  sampled: Type.Integer({ description: '抽取的案卷数' }),
  reviewed: Type.Integer({ description: '已有抽查结论的案卷数' }),
  coverage: Fraction('覆盖率'),
  required: Type.Integer({ description: '至少应抽查的案卷数' }),
  met: Type.Boolean({ description: '覆盖率达标' }),
};
/** rules/spot-check.ts `Coverage`. */
export const Coverage = Type.Object(coverageFields);
export type Coverage = Static<typeof Coverage>;

/** `GET /api/spot-checks`. */
export const SpotCheckList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      agencyId: Type.String(),
      agencyName: Nullable(Type.String({ description: '执法机关' })),
      periodFrom: Day('抽查期间起'),
      periodTo: Day('抽查期间止'),
      population: Type.Integer({ description: '期间内已归档的案卷数' }),
      sampled: Type.Integer({ description: '抽取的案卷数' }),
      reviewed: Type.Integer({ description: '已有结论的案卷数' }),
      createdAt: Instant('组织时间'),
    }),
  ),
});
export type SpotCheckList = Static<typeof SpotCheckList>;
export type SpotCheckListItem = SpotCheckList['items'][number];

export const SpotCheckItem = Type.Object({
  caseFileId: Type.String(),
  caseId: Nullable(Type.String()),
  caseTitle: Nullable(Type.String({ description: '案件名称' })),
  lockedAt: Nullable(Instant('归档时间')),
  result: Nullable(SpotCheckResult),
  resultLabel: Nullable(Type.String({ description: '抽查结论' })),
  finding: Nullable(Type.String({ description: '发现的问题' })),
  reviewedAt: Nullable(Instant('抽查时间')),
});
export type SpotCheckItem = Static<typeof SpotCheckItem>;

/** `GET /api/spot-checks/:id` and the answer of reviewing one of its files. */
export const SpotCheckDetail = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String({ description: '执法机关' }),
  periodFrom: Day('抽查期间起'),
  periodTo: Day('抽查期间止'),
  createdAt: Instant('组织时间'),
  items: Type.Array(SpotCheckItem, { description: '样本' }),
  coverage: Coverage,
});
export type SpotCheckDetail = Static<typeof SpotCheckDetail>;

/** `GET /api/spot-checks/coverage`. */
export const CoverageReport = Type.Object({
  agencyId: Type.String(),
  agencyName: Type.String({ description: '执法机关' }),
  periodFrom: Day('期间起'),
  periodTo: Day('期间止'),
  minCoverage: Fraction('规定的最低覆盖比例'),
  ...coverageFields,
  late: Type.Integer({ description: '期间内超过归档期限的案卷数' }),
});
export type CoverageReport = Static<typeof CoverageReport>;

// ── devices ───────────────────────────────────────────────────────────────────────────────────────
/** What the caller may do with this device, decided by the records policy (policy.ts). */
export const DeviceRights = Type.Object({
  manage: Type.Boolean({ description: '配发、收回、停用本设备（已停用的设备不能再操作）' }),
});
export type DeviceRights = Static<typeof DeviceRights>;

const deviceFields = {
  id: Type.String(),
  agencyId: Type.String(),
  kind: DeviceKind,
  kindLabel: Type.String({ description: '设备类型' }),
  serialNumber: Type.String({ description: '设备编号' }),
  model: Type.String({ description: '型号' }),
  status: DeviceStatus,
  statusLabel: Type.String({ description: '状态' }),
  retiredAt: Nullable(Instant('停用时间')),
  holder: Nullable(
    Type.Object({
      officerId: Type.String(),
      name: Nullable(Type.String({ description: '持有人' })),
      since: Instant('配发时间'),
    }),
  ),
  can: DeviceRights,
};

/** A device in the register (`GET /api/devices`). */
export const Device = Type.Object(deviceFields);
export type Device = Static<typeof Device>;
export const DeviceList = Type.Object({ items: Type.Array(Device) });
export type DeviceList = Static<typeof DeviceList>;

export const DeviceAssignment = Type.Object({
  officerId: Type.String(),
  officerName: Nullable(Type.String({ description: '持有人' })),
  assignedAt: Instant('配发时间'),
  returnedAt: Nullable(Instant('收回时间')),
});
export type DeviceAssignment = Static<typeof DeviceAssignment>;

/** `GET /api/devices/:id` and the answers of its writes: who held it when, and what it recorded. */
export const DeviceDetail = Type.Object({
  ...deviceFields,
  assignments: Type.Array(DeviceAssignment, { description: '配发记录' }),
  records: Type.Array(EvidenceSummary, { description: '该设备产生的记录（最新的在前，至多200条）' }),
});
export type DeviceDetail = Static<typeof DeviceDetail>;
