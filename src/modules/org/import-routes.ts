import { FileAnswer } from '../../platform/http/contract.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { ImportAnswer } from './contract.ts';
import { IMPORT_COLUMNS, importTemplateCsv } from './import.ts';
import { importOfficers } from './import-service.ts';

const REGISTRARS = { access: { roles: ['agency_admin', 'supervisor', 'system_admin'] } } as const;

export function importOfficersRoutes(app: App, { database }: AppDeps) {
  const tags = ['执法主体与人员'];
  app.get(
    '/api/officers/import/template.csv',
    {
      config: REGISTRARS,
      schema: {
        tags,
        summary: `执法人员导入模板（列：${IMPORT_COLUMNS.map(([h]) => h).join('、')}）`,
        response: { 200: FileAnswer('text/csv', '导入模板（CSV，UTF-8）') },
      },
    },
    async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          "attachment; filename*=UTF-8''%E6%89%A7%E6%B3%95%E4%BA%BA%E5%91%98%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.csv",
        )
        .send(importTemplateCsv()),
  );

  app.post(
    '/api/officers/import',
    {
      config: REGISTRARS,
      schema: {
        tags,
        summary: '批量导入执法人员（CSV 或 XLSX；任一行有错则全部不导入，并返回逐行错误）',
        consumes: ['multipart/form-data'],
        response: { 201: ImportAnswer },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件', 'file');
      let agencyId = '';
      let file: { filename: string; data: Buffer } | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file')
            throw new AppError('UNKNOWN_FIELD', `不允许的字段「${part.fieldname}」`, part.fieldname);
          const data = await part.toBuffer();
          file = { filename: part.filename, data };
        } else if (part.fieldname === 'agencyId') agencyId = String(part.value);
        else throw new AppError('UNKNOWN_FIELD', `不允许的字段「${part.fieldname}」`, part.fieldname);
      }
      if (!file) throw new AppError('IMPORT_FILE_REQUIRED', '请选择要导入的文件', 'file');
      if (!agencyId)
        throw new AppError('FIELD_REQUIRED', '缺少必填字段「所属执法主体」(agencyId)', 'agencyId');
      const n = await importOfficers(database.db, ctxOf(req), agencyId, file);
      return reply.status(201).send({ imported: n });
    },
  );
}
