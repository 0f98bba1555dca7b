import { AppError } from '../../platform/http/errors.ts';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import * as C from './contract.ts';
import { importOfficersRoutes } from './import-routes.ts';
import * as S from './schemas.ts';
import * as org from './service.ts';

const STAFF = { access: { roles: 'staff' } } as const;
// Writes to the register: the policy then decides per record (own agency, supervised region).
const REGISTRARS = { access: { roles: ['agency_admin', 'supervisor', 'system_admin'] } } as const;
const REGION_KEEPERS = { access: { roles: ['supervisor', 'system_admin'] } } as const;

const region = (r: { code: string; name: string; level: string; parentCode: string | null }): C.Region => ({
  code: r.code,
  name: r.name,
  level: r.level as C.RegionLevel,
  parentCode: r.parentCode,
});

export function orgRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const tags = ['执法主体与人员'];

  app.get(
    '/api/regions',
    { config: STAFF, schema: { tags, summary: '行政区划列表', response: { 200: C.RegionList } } },
    async () => ({ items: (await org.listRegions(db)).map(region) }),
  );
  app.post(
    '/api/regions',
    {
      config: REGION_KEEPERS,
      schema: { tags, summary: '新增行政区划', body: S.RegionCreate, response: { 201: C.Region } },
    },
    async (req, reply) => reply.status(201).send(region(await org.createRegion(db, ctxOf(req), req.body))),
  );
  app.patch(
    '/api/regions/:code',
    {
      config: REGION_KEEPERS,
      schema: {
        tags,
        summary: '修改行政区划名称',
        params: S.CodeParams,
        body: S.RegionRename,
        response: { 200: C.Region },
      },
    },
    async (req) => region(await org.renameRegion(db, ctxOf(req), req.params.code, req.body.name)),
  );

  app.get(
    '/api/enforcement-categories',
    { config: STAFF, schema: { tags, summary: '执法类别', response: { 200: C.CategoryList } } },
    async () => ({
      items: await org.listCategories(db),
    }),
  );

  app.get(
    '/api/agencies',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '执法主体列表（按角色范围）',
        querystring: S.AgencyListQuery,
        response: { 200: C.AgencyList },
      },
    },
    async (req) => org.listAgencies(db, ctxOf(req), req.query),
  );
  app.get(
    '/api/agencies/:id',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '执法主体详情（含当前用户可做的操作）',
        params: S.IdParams,
        response: { 200: C.AgencyDetail },
      },
    },
    async (req) => org.getAgency(db, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/agencies',
    {
      config: REGION_KEEPERS,
      schema: { tags, summary: '新增执法主体', body: S.AgencyCreate, response: { 201: C.AgencyDetail } },
    },
    async (req, reply) => reply.status(201).send(await org.createAgency(db, ctxOf(req), req.body)),
  );
  app.patch(
    '/api/agencies/:id',
    {
      config: REGISTRARS,
      schema: {
        tags,
        summary: '修改执法主体',
        params: S.IdParams,
        body: S.AgencyPatch,
        response: { 200: C.AgencyDetail },
      },
    },
    async (req) => org.updateAgency(db, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/agencies/:id/units',
    {
      config: REGISTRARS,
      schema: {
        tags,
        summary: '新增内设机构',
        params: S.IdParams,
        body: S.UnitCreate,
        response: { 201: C.Unit },
      },
    },
    async (req, reply) => reply.status(201).send(await org.addUnit(db, ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/agencies/:id/units/:unitId',
    {
      config: REGISTRARS,
      schema: {
        tags,
        summary: '修改内设机构',
        params: S.UnitParams,
        body: S.UnitPatch,
        response: { 200: C.Unit },
      },
    },
    async (req) => org.updateUnit(db, ctxOf(req), req.params.id, req.params.unitId, req.body),
  );
  app.get(
    '/api/agencies/:id/reviewer-ratio',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '法制审核人员占比（不少于5%）',
        params: S.IdParams,
        response: { 200: C.ReviewerRatio },
      },
    },
    async (req) => org.agencyReviewerRatio(db, ctxOf(req), req.params.id),
  );

  app.get(
    '/api/officers',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '执法人员列表',
        querystring: S.OfficerListQuery,
        response: { 200: C.OfficerPage },
      },
    },
    async (req) => org.listOfficers(db, ctxOf(req), req.query),
  );
  app.get(
    '/api/officers/:id',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '执法人员详情（含个人信息，读取留痕；含当前用户可做的操作）',
        params: S.IdParams,
        response: { 200: C.OfficerDetail },
      },
    },
    async (req) => org.getOfficer(db, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/officers',
    {
      config: REGISTRARS,
      schema: { tags, summary: '登记执法人员', body: S.OfficerCreate, response: { 201: C.Officer } },
    },
    async (req, reply) => reply.status(201).send(await org.createOfficer(db, ctxOf(req), req.body)),
  );
  app.patch(
    '/api/officers/:id',
    {
      config: REGISTRARS,
      schema: {
        tags,
        summary: '修改执法人员',
        params: S.IdParams,
        body: S.OfficerPatch,
        response: { 200: C.Officer },
      },
    },
    async (req) => org.updateOfficer(db, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/officers/:id/certificate-status',
    {
      config: REGISTRARS,
      schema: {
        tags,
        summary: '暂扣、恢复或注销执法证件',
        params: S.IdParams,
        body: S.CertificateStatusChange,
        response: { 200: C.Officer },
      },
    },
    async (req) => {
      if (!req.body.reason.trim()) throw new AppError('REASON_REQUIRED', '请填写理由', 'reason');
      return org.changeCertificateStatus(db, ctxOf(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/officers/:id/can-act',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '执法资格核验：能否在此地、此日、此类别执法',
        params: S.IdParams,
        querystring: S.CanActQuery,
        response: { 200: C.CanActAnswer },
      },
    },
    async (req) => org.checkCanAct(db, ctxOf(req), req.params.id, req.query),
  );

  importOfficersRoutes(app, deps);
}
