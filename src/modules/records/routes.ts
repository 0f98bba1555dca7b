import type { MultipartFile } from '@fastify/multipart';
import Type from 'typebox';
import { FileAnswer } from '../../platform/http/contract.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { listAccessLog } from './access-service.ts';
import { getCaseFile } from './case-file-service.ts';
import {
  AccessLog,
  CaseFile,
  CoverageReport,
  Created,
  DeviceDetail,
  DeviceList,
  EvidenceList,
  EvidenceSummary,
  RangeRefused,
  SpotCheckDetail,
  SpotCheckList,
  UploadStatistics,
} from './contract.ts';
import type { RecordsDeps } from './deps.ts';
import * as devices from './devices-service.ts';
import {
  discardEvidenceBytes,
  getEvidence,
  listCaseEvidence,
  openEvidenceContent,
  type PreparedEvidence,
  prepareEvidence,
  recordEvidence,
  type StoredBytes,
  storeEvidenceBytes,
} from './evidence-service.ts';
import * as spotChecks from './spot-check-service.ts';
import { uploadStatistics } from './statistics-service.ts';
import { tusRoutes } from './tus.ts';
import { EVIDENCE_FIELDS, evidenceInputOf } from './upload-fields.ts';

const STAFF = { access: { roles: 'staff' } } as const;
// Recording is done by the agency's own staff, auxiliaries included (they may operate a camera).
const HANDLERS = {
  access: { roles: ['officer', 'auxiliary', 'legal_reviewer', 'agency_head', 'agency_admin'] },
} as const;
const DEVICE_KEEPERS = {
  access: { roles: ['agency_admin', 'agency_head', 'supervisor', 'system_admin'] },
} as const;
// R9: the agency's head and legal unit, and the supervising justice bureau, pull records and check them.
const SUPERVISING = { access: { roles: ['agency_head', 'legal_reviewer', 'supervisor'] } } as const;

const Id = Type.Object({ id: Type.String({ title: '编号', format: 'uuid' }) });
const Reason = Type.Optional(Type.String({ title: '调阅事由', maxLength: 200 }));
const DateStr = (title: string) => Type.String({ title, format: 'date' });

/** `Range: bytes=a-b` (one range; suffix ranges included) against a known size. */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

/** `deps` are wired by the composition root (src/composition.ts), which hands records the case links. */
export function recordsRoutes(app: App, appDeps: AppDeps, deps: RecordsDeps) {
  const db = appDeps.database.db;
  const tags = ['全过程记录'];

  // ── evidence ──────────────────────────────────────────────────────────────────────────────────
  app.post(
    '/api/cases/:id/evidence',
    {
      config: HANDLERS,
      schema: {
        tags,
        summary:
          '上传证据或音像记录（multipart：先填写字段，最后一个部分为文件 file；大文件请用 /api/uploads 断点续传）',
        consumes: ['multipart/form-data'],
        params: Id,
        response: { 201: EvidenceSummary },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件', 'file');
      const ctx = ctxOf(req);
      const fields: Record<string, string> = {};
      let stored: { prepared: PreparedEvidence; put: StoredBytes } | null = null;
      // The file is the last part: its metadata is checked before one byte of it is stored, and nothing
      // is recorded until the whole form has been read (a field after the file is refused, not ignored).
      const parts = req.parts({
        limits: { files: 1, fields: 20, fieldSize: 2048, fileSize: deps.maxEvidenceBytes + 1 },
      });
      try {
        for await (const part of parts) {
          if (stored)
            throw new AppError(
              'FIELD_AFTER_FILE',
              `字段「${part.fieldname}」须在文件之前提交`,
              part.fieldname,
            );
          if (part.type === 'file') {
            const file = part as MultipartFile;
            if (file.fieldname !== 'file')
              throw new AppError('UNKNOWN_FIELD', `不允许的字段「${file.fieldname}」`, file.fieldname);
            const input = evidenceInputOf(req.params.id, fields, {
              fileName: file.filename || 'evidence',
              mimeType: file.mimetype,
            });
            const prepared = await prepareEvidence(db, ctx, deps, input).catch((e) => {
              file.file.resume(); // drain, so the client gets the answer instead of a reset
              throw e;
            });
            stored = { prepared, put: await storeEvidenceBytes(deps, prepared, file.file) };
          } else {
            if (!EVIDENCE_FIELDS.has(part.fieldname))
              throw new AppError('UNKNOWN_FIELD', `不允许的字段「${part.fieldname}」`, part.fieldname);
            fields[part.fieldname] = String(part.value);
          }
        }
      } catch (e) {
        if (stored) await discardEvidenceBytes(db, deps, stored.put);
        throw e;
      }
      const result = stored ? await recordEvidence(db, ctx, stored.prepared, stored.put, deps) : null;
      if (!result) throw new AppError('EVIDENCE_FILE_REQUIRED', '请选择要上传的文件', 'file');
      return reply.status(201).send(result);
    },
  );
  app.get(
    '/api/cases/:id/evidence',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '本案的证据和音像记录（元数据）',
        params: Id,
        response: { 200: EvidenceList },
      },
    },
    async (req) => listCaseEvidence(db, ctxOf(req), deps, req.params.id),
  );
  app.get(
    '/api/evidence/:id',
    {
      config: STAFF,
      schema: { tags, summary: '证据记录的元数据', params: Id, response: { 200: EvidenceSummary } },
    },
    async (req) => getEvidence(db, ctxOf(req), deps, req.params.id),
  );
  app.get(
    '/api/evidence/:id/content',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '调阅证据内容（记录调阅人、时间和事由；涉密记录须填写事由；支持 Range）',
        params: Id,
        querystring: Type.Object(
          {
            reason: Reason,
            // `1` as on the receipt route; `true` as the console sends it.
            download: Type.Optional(
              Type.Union(
                [Type.Literal('1'), Type.Literal('true'), Type.Literal('0'), Type.Literal('false')],
                { title: '下载' },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: FileAnswer(
            'application/octet-stream',
            '证据文件（Content-Type 为文件的格式，X-Content-SM3 为其 SM3 摘要）',
          ),
          206: FileAnswer('application/octet-stream', '证据文件的一段（Range 请求）'),
          416: RangeRefused,
        },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const meta = await getEvidence(db, ctx, deps, req.params.id);
      const range = parseRange(req.headers.range, meta.size);
      if (range === 'invalid')
        return reply
          .status(416)
          .header('content-range', `bytes */${meta.size}`)
          .send(new AppError('RANGE_INVALID', '请求的字节范围无效', 'range').toJSON());
      const { stream, evidence } = await openEvidenceContent(db, ctx, deps, req.params.id, {
        reason: req.query.reason ?? null,
        range: range ?? undefined,
        download: req.query.download === '1' || req.query.download === 'true',
      });
      const name = encodeURIComponent(evidence.fileName);
      reply
        .header('accept-ranges', 'bytes')
        .header(
          'content-disposition',
          `${req.query.download === '1' || req.query.download === 'true' ? 'attachment' : 'inline'}; filename*=UTF-8''${name}`,
        )
        .header('cache-control', 'private, no-store')
        .header('x-content-sm3', evidence.contentHash)
        .type(evidence.mimeType);
      if (range) {
        reply
          .status(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${evidence.size}`)
          .header('content-length', range.end - range.start + 1);
      } else reply.header('content-length', evidence.size);
      return reply.send(stream);
    },
  );
  tusRoutes(app, appDeps, deps);

  // ── case files ──────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/cases/:id/case-file',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '已归档锁定的案卷（卷内目录、完整性检查、归档后的更正记录；调阅留痕）',
        params: Id,
        querystring: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: CaseFile },
      },
    },
    async (req) => getCaseFile(db, ctxOf(req), deps, req.params.id, req.query.reason ?? null),
  );

  // ── record access supervision ───────────────────────────────────────────────────────────────
  app.get(
    '/api/record-access',
    {
      config: SUPERVISING,
      schema: {
        tags,
        summary: '记录调阅日志（谁、何时、为何调阅）',
        querystring: Type.Object(
          {
            caseId: Type.Optional(Type.String({ title: '案件', format: 'uuid' })),
            recordId: Type.Optional(Type.String({ title: '记录', format: 'uuid' })),
            limit: Type.Optional(Type.Integer({ title: '条数', minimum: 1, maximum: 500 })),
            offset: Type.Optional(Type.Integer({ title: '偏移', minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AccessLog },
      },
    },
    async (req) => listAccessLog(db, ctxOf(req), deps, req.query),
  );
  app.get(
    '/api/records/statistics',
    {
      config: SUPERVISING,
      schema: {
        tags,
        summary: '音像记录上传统计：按机关和执法人员统计总数与超过24小时上传的数量',
        querystring: Type.Object(
          {
            agencyId: Type.Optional(Type.String({ title: '执法机关', format: 'uuid' })),
            from: DateStr('统计期间起'),
            to: DateStr('统计期间止'),
          },
          { additionalProperties: false },
        ),
        response: { 200: UploadStatistics },
      },
    },
    async (req) => uploadStatistics(db, ctxOf(req), req.query),
  );

  // ── spot checks ─────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/spot-checks',
    { config: SUPERVISING, schema: { tags, summary: '案卷随机抽查列表', response: { 200: SpotCheckList } } },
    async (req) => spotChecks.listSpotChecks(db, ctxOf(req)),
  );
  app.post(
    '/api/spot-checks',
    {
      config: SUPERVISING,
      schema: {
        tags,
        summary: '组织随机抽查：从期间内已归档的案卷中随机抽取（不少于规定比例，默认60%）',
        body: Type.Object(
          {
            agencyId: Type.String({ title: '执法机关', format: 'uuid' }),
            periodFrom: DateStr('抽查期间起'),
            periodTo: DateStr('抽查期间止'),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created },
      },
    },
    async (req, reply) => reply.status(201).send(await spotChecks.createSpotCheck(db, ctxOf(req), req.body)),
  );
  app.get(
    '/api/spot-checks/coverage',
    {
      config: SUPERVISING,
      schema: {
        tags,
        summary: '抽查覆盖率：期间内已归档案卷被抽查的比例',
        querystring: Type.Object(
          {
            agencyId: Type.String({ title: '执法机关', format: 'uuid' }),
            periodFrom: DateStr('期间起'),
            periodTo: DateStr('期间止'),
          },
          { additionalProperties: false },
        ),
        response: { 200: CoverageReport },
      },
    },
    async (req) => spotChecks.coverageReport(db, ctxOf(req), req.query),
  );
  app.get(
    '/api/spot-checks/:id',
    {
      config: SUPERVISING,
      schema: {
        tags,
        summary: '抽查详情：样本、结论、覆盖率',
        params: Id,
        response: { 200: SpotCheckDetail },
      },
    },
    async (req) => spotChecks.getSpotCheck(db, ctxOf(req), deps, req.params.id),
  );
  app.post(
    '/api/spot-checks/:id/items/:caseFileId',
    {
      config: SUPERVISING,
      schema: {
        tags,
        summary: '登记一个抽查样本的结论',
        params: Type.Object({
          id: Type.String({ title: '抽查', format: 'uuid' }),
          caseFileId: Type.String({ title: '案卷', format: 'uuid' }),
        }),
        body: Type.Object(
          {
            result: Type.String({ title: '抽查结论', maxLength: 20 }),
            finding: Type.Optional(
              Type.Union([Type.Null(), Type.String({ title: '发现的问题', maxLength: 2000 })]),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: SpotCheckDetail },
      },
    },
    async (req) =>
      spotChecks.reviewSpotCheckItem(db, ctxOf(req), deps, req.params.id, req.params.caseFileId, req.body),
  );

  // ── device register ─────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/devices',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '执法记录仪等记录设备登记',
        querystring: Type.Object(
          { agencyId: Type.Optional(Type.String({ title: '执法机关', format: 'uuid' })) },
          { additionalProperties: false },
        ),
        response: { 200: DeviceList },
      },
    },
    async (req) => devices.listDevices(db, ctxOf(req), req.query),
  );
  app.post(
    '/api/devices',
    {
      config: DEVICE_KEEPERS,
      schema: {
        tags,
        summary: '登记记录设备',
        body: Type.Object(
          {
            agencyId: Type.String({ title: '执法机关', format: 'uuid' }),
            kind: Type.String({ title: '设备类型', maxLength: 20 }),
            serialNumber: Type.String({ title: '设备编号', minLength: 1, maxLength: 64 }),
            model: Type.String({ title: '型号', maxLength: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Created },
      },
    },
    async (req, reply) => reply.status(201).send(await devices.registerDevice(db, ctxOf(req), req.body)),
  );
  app.get(
    '/api/devices/:id',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '设备详情：配发记录和所产生的记录',
        params: Id,
        response: { 200: DeviceDetail },
      },
    },
    async (req) => devices.getDevice(db, ctxOf(req), deps, req.params.id),
  );
  app.post(
    '/api/devices/:id/assign',
    {
      config: DEVICE_KEEPERS,
      schema: {
        tags,
        summary: '配发设备给执法人员（officerId 为 null 表示收回）',
        params: Id,
        body: Type.Object(
          { officerId: Type.Union([Type.Null(), Type.String({ title: '执法人员', format: 'uuid' })]) },
          { additionalProperties: false },
        ),
        response: { 200: DeviceDetail },
      },
    },
    async (req) => devices.assignDevice(db, ctxOf(req), deps, req.params.id, req.body.officerId),
  );
  app.post(
    '/api/devices/:id/retire',
    {
      config: DEVICE_KEEPERS,
      schema: { tags, summary: '停用设备（保留历史和记录）', params: Id, response: { 200: DeviceDetail } },
    },
    async (req) => devices.retireDevice(db, ctxOf(req), deps, req.params.id),
  );
}
