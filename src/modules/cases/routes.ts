import Type from 'typebox';
import { FileAnswer } from '../../platform/http/contract.ts';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { CASE_HANDLER_ROLES } from './capabilities.ts';
import {
  CaseDetail,
  CaseList,
  ClockWarnings,
  DocumentDraft,
  DocumentPreview,
  DocumentSettings,
  IssuedDocument,
  MyDay,
  PartyBody,
  TransitionAnswer,
} from './contract.ts';
import * as drafts from './document-drafts.ts';
import type { DocumentData } from './documents/types.ts';
import type { Payload } from './rules/types.ts';
import * as cases from './service.ts';

const STAFF = { access: { roles: 'staff' } } as const;
// Case work is done by the agency's own staff (the same roles the caller's capabilities name); the rules
// decide which of them performs each step.
const HANDLERS = { access: { roles: CASE_HANDLER_ROLES } } as const;

const Id = Type.Object({ id: Type.String({ title: '编号', format: 'uuid' }) });
const Free = Type.Record(Type.String(), Type.Unknown());
const openFields = {
  itemId: Type.String({ title: '执法事项', format: 'uuid' }),
  title: Type.String({ title: '案件名称', minLength: 1, maxLength: 200 }),
  regionCode: Type.Optional(Type.String({ title: '发生地行政区划', maxLength: 12 })),
  party: Type.Optional(PartyBody),
  teamOfficerIds: Type.Optional(
    Type.Array(Type.String({ format: 'uuid' }), { title: '承办执法人员', maxItems: 10 }),
  ),
  payload: Type.Optional(Free),
};
const Open = Type.Object(
  {
    procedure: Type.Union(
      ['lead', 'ordinary', 'summary', 'coercive', 'inspection'].map((p) => Type.Literal(p)),
      { title: '程序' },
    ),
    ...openFields,
  },
  { additionalProperties: false },
);
const Transition = Type.Object(
  {
    action: Type.String({ title: '操作', minLength: 1, maxLength: 64 }),
    payload: Type.Optional(Free),
    document: Type.Optional(Free),
    case: Type.Optional(Type.Partial(Type.Object(openFields), { additionalProperties: false })),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    procedure: Type.Optional(Type.String({ title: '程序', maxLength: 20 })),
    state: Type.Optional(Type.String({ title: '环节', maxLength: 40 })),
    mine: Type.Optional(Type.Boolean({ title: '只看我承办的' })),
    open: Type.Optional(Type.Boolean({ title: '只看未办结的' })),
    q: Type.Optional(Type.String({ title: '案件名称、当事人、案号或文号', minLength: 1, maxLength: 100 })),
    itemId: Type.Optional(Type.String({ title: '执法事项', format: 'uuid' })),
    page: Type.Integer({ title: '页码', minimum: 1, default: 1 }),
    pageSize: Type.Integer({ title: '每页条数', minimum: 1, maximum: 200, default: 20 }),
  },
  { additionalProperties: false },
);

/** `deps` are wired by the composition root (src/composition.ts), which hands cases the archiving use case. */
export function casesRoutes(app: App, appDeps: AppDeps, deps: cases.CasesDeps) {
  const db = appDeps.database.db;
  const tags = ['案件办理'];

  app.get(
    '/api/cases',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '案源、案件、强制措施和检查列表（含最近期限）',
        querystring: ListQuery,
        response: { 200: CaseList },
      },
    },
    async (req) => cases.listCases(db, ctxOf(req), req.query),
  );
  app.post(
    '/api/cases',
    {
      config: HANDLERS,
      schema: {
        tags,
        summary: '登记案源，或立案/开始强制措施/检查',
        body: Open,
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const id = await cases.openRecord(db, ctxOf(req), {
        procedure: b.procedure as cases.OpenInput['procedure'],
        itemId: b.itemId,
        title: b.title,
        regionCode: b.regionCode,
        party: b.party as cases.PartyInput | undefined,
        teamOfficerIds: b.teamOfficerIds,
        payload: b.payload as Payload | undefined,
      });
      return reply.status(201).send(await cases.getCase(db, ctxOf(req), id, { withParty: false }));
    },
  );
  app.get(
    '/api/cases/warnings',
    {
      config: STAFF,
      schema: { tags, summary: '即将到期或已逾期的办案期限预警', response: { 200: ClockWarnings } },
    },
    async (req) => cases.clockWarnings(db, ctxOf(req)),
  );
  app.get(
    '/api/cases/my-day',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '首页：待我办理的环节、须办理的期限、最近的案件（按角色）',
        response: { 200: MyDay },
      },
    },
    async (req) => cases.myDay(db, ctxOf(req)),
  );
  app.get(
    '/api/cases/:id',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '案件详情：时间线、当事人、文书、附件、期限、可办理的操作',
        params: Id,
        response: { 200: CaseDetail },
      },
    },
    async (req) => cases.getCase(db, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/cases/:id/transitions',
    {
      config: HANDLERS,
      schema: {
        tags,
        summary: '办理一个环节（依法定程序校验，非法操作将被拒绝）',
        params: Id,
        body: Transition,
        response: { 200: TransitionAnswer },
      },
    },
    async (req) => {
      const b = req.body;
      const r = await cases.transition(db, ctxOf(req), deps, req.params.id, {
        action: b.action,
        payload: b.payload as Payload | undefined,
        document: b.document as DocumentData | undefined,
        case: b.case as Omit<cases.OpenInput, 'procedure'> | undefined,
      });
      return {
        ...r,
        case: await cases.getCase(db, ctxOf(req), r.filedCaseId ?? req.params.id, { withParty: false }),
      };
    },
  );
  app.post(
    '/api/cases/:id/documents',
    {
      config: HANDLERS,
      schema: {
        tags,
        summary: '制作并签发文书（按模板校验必填项，编号连续，电子签章）',
        params: Id,
        body: Type.Object(
          { kind: Type.String({ title: '文书种类', maxLength: 40 }), data: Free },
          { additionalProperties: false },
        ),
        response: { 201: IssuedDocument },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await cases.issueDocument(
            db,
            ctxOf(req),
            deps,
            req.params.id,
            req.body.kind,
            req.body.data as DocumentData,
          ),
        ),
  );
  const DraftFields = {
    kind: Type.String({ title: '文书种类', minLength: 1, maxLength: 40 }),
    action: Type.Optional(Type.String({ title: '签发该文书的环节', minLength: 1, maxLength: 64 })),
    payload: Type.Optional(Free),
  };
  app.post(
    '/api/cases/:id/documents/draft',
    {
      config: HANDLERS,
      schema: {
        tags,
        summary: '文书表单：按案件数据生成文书内容（不编号、不签发）',
        params: Id,
        body: Type.Object(DraftFields, { additionalProperties: false }),
        response: { 200: DocumentDraft },
      },
    },
    async (req) =>
      drafts.documentDraft(db, ctxOf(req), req.params.id, {
        kind: req.body.kind,
        action: req.body.action,
        payload: req.body.payload as Payload | undefined,
      }),
  );
  app.post(
    '/api/cases/:id/documents/preview',
    {
      config: HANDLERS,
      schema: {
        tags,
        summary: '文书预览：按填写内容排版，并列出签发时会被拒绝的原因（含与案件记载不一致之处）',
        params: Id,
        body: Type.Object({ ...DraftFields, data: Free }, { additionalProperties: false }),
        response: { 200: DocumentPreview },
      },
    },
    async (req) =>
      drafts.documentPreview(db, ctxOf(req), req.params.id, {
        kind: req.body.kind,
        action: req.body.action,
        payload: req.body.payload as Payload | undefined,
        data: req.body.data as DocumentData,
      }),
  );
  const Settings = Type.Object(
    {
      abbreviation: Type.String({ title: '机关代字', minLength: 1, maxLength: 10 }),
      caseNumberPattern: Type.Optional(Type.String({ title: '案号格式', maxLength: 40 })),
      templateOverrides: Type.Optional(Type.Record(Type.String(), Free, { title: '文书模板设置' })),
    },
    { additionalProperties: false },
  );
  app.get(
    '/api/agencies/:id/document-settings',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '文书设置：机关代字与本机关文书格式',
        params: Id,
        response: { 200: DocumentSettings },
      },
    },
    async (req) => cases.getDocumentSettings(db, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/agencies/:id/document-settings',
    {
      config: { access: { roles: ['agency_admin', 'supervisor', 'system_admin'] } },
      schema: {
        tags,
        summary: '设置机关代字与本机关文书格式（按文书种类覆盖措辞、字段标签和默认值）',
        params: Id,
        body: Settings,
        response: { 200: DocumentSettings },
      },
    },
    async (req) =>
      cases.setDocumentSettings(db, ctxOf(req), req.params.id, {
        abbreviation: req.body.abbreviation,
        caseNumberPattern: req.body.caseNumberPattern,
        templateOverrides: req.body.templateOverrides as never,
      }),
  );
  app.get(
    '/api/documents/:id/pdf',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '文书 PDF（含电子签章和核验二维码）',
        params: Id,
        response: { 200: FileAnswer('application/pdf', '文书 PDF') },
      },
    },
    async (req, reply) => {
      const r = await cases.documentPdf(db, ctxOf(req), deps, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(r.filename)}`)
        .send(r.pdf);
    },
  );
}
