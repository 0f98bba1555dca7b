// What the portal's JSON routes (`/api/public/*`) answer: only what the law publishes, no personal data.
import Type, { type Static } from 'typebox';
import { FileAnswer, Nullable } from '../../platform/http/contract.ts';

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
