import QRCode from 'qrcode';
import Type from 'typebox';
import { AppError } from '../../platform/http/errors.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { normalizeCertificateNo, validateCertificateNo } from '../../platform/identifiers/certificate-no.ts';
import * as cases from '../cases/service.ts';
import * as org from '../org/service.ts';
import { BadgeAnswer, PublicAgencyList, PublicDocumentCheckAnswer, PublicOfficerAnswer } from './contract.ts';

const PUBLIC = { access: { public: true } } as const;
const tags = ['公示'];

function checkedCertificateNo(raw: string): string {
  const no = normalizeCertificateNo(raw);
  const v = validateCertificateNo(no);
  if (v) throw new AppError('INVALID_CERTIFICATE_NO', v.message, 'certificateNo');
  return no;
}

/** The portal's answers for programs: `/api/public/*` and the badge's QR code. */
export function publicApiRoutes(app: App, { config, database }: AppDeps) {
  const db = database.db;

  app.get(
    '/api/public/documents/:id',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '核验执法文书：是否为机关签发、内容是否被篡改（不含个人信息）',
        params: Type.Object({ id: Type.String({ title: '文书编号', format: 'uuid' }) }),
        response: { 200: PublicDocumentCheckAnswer },
      },
    },
    async (req) => {
      const d = await cases.publicDocumentCheck(db, req.params.id);
      if (!d) throw new AppError('DOCUMENT_NOT_FOUND', '文书不存在', 'id');
      return d;
    },
  );
  const verifyUrl = (no: string) => `${config.publicBaseUrl}/officers/${encodeURIComponent(no)}`;

  app.get(
    '/officers/:certificateNo/badge.svg',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '执法证件核验二维码（SVG），编码核验页面地址',
        params: Type.Object({ certificateNo: Type.String({ title: '执法证件编号', maxLength: 64 }) }),
        response: { 200: BadgeAnswer },
      },
    },
    async (req, reply) => {
      const no = checkedCertificateNo(req.params.certificateNo);
      if (!(await org.getPublicOfficer(db, no)))
        throw new AppError('OFFICER_NOT_FOUND', `未找到编号为「${no}」的执法证件`, 'certificateNo');
      const svg = await QRCode.toString(verifyUrl(no), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=300').send(svg);
    },
  );

  app.get(
    '/api/public/officers/:certificateNo',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '按执法证件编号核验执法人员',
        params: Type.Object({ certificateNo: Type.String({ title: '执法证件编号', maxLength: 64 }) }),
        response: { 200: PublicOfficerAnswer },
      },
    },
    async (req) => {
      const no = checkedCertificateNo(req.params.certificateNo);
      const o = await org.getPublicOfficer(db, no);
      if (!o) throw new AppError('OFFICER_NOT_FOUND', `未找到编号为「${no}」的执法证件`, 'certificateNo');
      // Field by field: the portal's officer also carries ids the public answer does not publish.
      return {
        certificateNo: no,
        name: o.name,
        agency: o.agency,
        categories: o.categories,
        region: o.region,
        status: o.status,
        statusLabel: o.statusLabel,
        validFrom: o.validFrom,
        validUntil: o.validUntil,
      };
    },
  );

  app.get(
    '/api/public/agencies',
    {
      config: PUBLIC,
      schema: { tags, summary: '行政执法主体名录', response: { 200: PublicAgencyList } },
    },
    async () => {
      const agencies = await org.listPublicAgencies(db);
      return {
        items: agencies.map((a) => ({
          id: a.id,
          name: a.name,
          type: a.type,
          typeLabel: a.typeLabel,
          uscc: a.uscc,
          regionCode: a.regionCode,
          regionName: a.regionName,
          legalBasis: a.legalBasis,
          functions: a.functions,
          contactPhone: a.contactPhone,
          contactAddress: a.contactAddress,
        })),
      };
    },
  );
}
