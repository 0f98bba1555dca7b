import Type from 'typebox';

// Request schemas: one per write, `title` gives the Chinese field name for error messages, unknown
// fields are refused. Domain checks (USCC check character, region code structure, …) run in rules/.
const Str = (title: string, maxLength: number, minLength = 0) => Type.String({ title, maxLength, minLength });
// A JSON Schema type array rather than anyOf: with Fastify's type coercion, anyOf [string, null]
// would turn an explicit null into '' before the null branch is tried.
const Nullable = <T extends Type.TSchema & { type: string }>(t: T) =>
  Type.Unsafe<Type.Static<T> | null>({ ...t, type: [t.type, 'null'] });
const Day = (title: string) => Type.String({ title, format: 'date' });
const Id = (title: string) => Type.String({ title, format: 'uuid' });

export const IdParams = Type.Object({ id: Id('编号') });
export const UnitParams = Type.Object({ id: Id('执法主体编号'), unitId: Id('内设机构编号') });
export const CodeParams = Type.Object({ code: Str('行政区划代码', 12) });

export const RegionCreate = Type.Object(
  { code: Str('行政区划代码', 12, 1), name: Str('行政区划名称', 50, 1) },
  { additionalProperties: false },
);
export const RegionRename = Type.Object(
  { name: Str('行政区划名称', 50, 1) },
  { additionalProperties: false },
);

const Entrustment = Type.Object(
  {
    entrustingAgencyId: Id('委托机关'),
    basis: Str('委托依据', 2000, 1),
    items: Type.Array(Str('委托事项', 200, 1), { title: '委托事项', minItems: 1, maxItems: 200 }),
    powers: Type.Array(Str('委托权限', 200, 1), { title: '委托权限', minItems: 1, maxItems: 50 }),
    termStart: Day('委托期限起始日期'),
    termEnd: Day('委托期限截止日期'),
  },
  { additionalProperties: false, title: '委托执法信息' },
);

const agencyFields = {
  name: Str('执法主体名称', 100, 1),
  uscc: Str('统一社会信用代码', 64, 1),
  type: Type.Union([Type.Literal('statutory'), Type.Literal('authorized'), Type.Literal('entrusted')], {
    title: '主体类型',
  }),
  legalBasis: Type.Optional(Str('设立依据', 4000)),
  functions: Type.Optional(Str('职能', 4000)),
  regionCode: Str('行政区划代码', 12, 1),
  contactPhone: Type.Optional(Str('联系电话', 50)),
  contactAddress: Type.Optional(Str('联系地址', 200)),
  parentId: Type.Optional(Nullable(Id('上级执法主体'))),
  entrustment: Type.Optional(Nullable(Entrustment)),
};
export const AgencyCreate = Type.Object(agencyFields, { additionalProperties: false });
export const AgencyPatch = Type.Partial(Type.Object(agencyFields), { additionalProperties: false });

export const UnitCreate = Type.Object(
  {
    name: Str('内设机构名称', 100, 1),
    functions: Type.Optional(Str('职能', 2000)),
    isReviewUnit: Type.Optional(Type.Boolean({ title: '是否法制审核机构' })),
  },
  { additionalProperties: false },
);
export const UnitPatch = Type.Partial(UnitCreate, { additionalProperties: false });

const Training = Type.Object(
  {
    year: Type.Integer({ title: '培训年度', minimum: 1949, maximum: 2999 }),
    hours: Type.Number({ title: '培训学时', minimum: 0, maximum: 2000 }),
  },
  { additionalProperties: false },
);

const officerFields = (withDefaults: boolean) => ({
  agencyId: Id('所属执法主体'),
  unitId: Type.Optional(Nullable(Id('内设机构'))),
  name: Str('姓名', 50, 1),
  // A default only on create: on PATCH it would silently reset an auxiliary to an officer.
  isAuxiliary: Type.Boolean(
    withDefaults ? { title: '是否执法辅助人员', default: false } : { title: '是否执法辅助人员' },
  ),
  certificateNo: Type.Optional(Nullable(Str('执法证件编号', 64))),
  categories: Type.Optional(Type.Array(Str('执法类别', 32), { title: '执法类别', maxItems: 20 })),
  enforcementRegionCode: Type.Optional(Nullable(Str('执法区域', 12))),
  issueDate: Type.Optional(Nullable(Day('发证日期'))),
  expiryDate: Type.Optional(Nullable(Day('有效期截止日期'))),
  isLegalReviewer: Type.Optional(Type.Boolean({ title: '是否法制审核人员' })),
  legalQualificationNo: Type.Optional(Nullable(Str('法律职业资格证书编号', 40))),
  reviewingSince: Type.Optional(Nullable(Day('首次从事法制审核日期'))),
  trainingHours: Type.Optional(Type.Array(Training, { title: '培训学时', maxItems: 50 })),
  phone: Type.Optional(Nullable(Str('联系电话', 30))),
});
export const OfficerCreate = Type.Object(officerFields(true), { additionalProperties: false });
export const OfficerPatch = Type.Partial(Type.Object(officerFields(false)), { additionalProperties: false });

export const CertificateStatusChange = Type.Object(
  {
    action: Type.Union([Type.Literal('suspend'), Type.Literal('reinstate'), Type.Literal('revoke')], {
      title: '证件操作',
    }),
    reason: Str('理由', 500),
    revocationCause: Type.Optional(
      Type.Union(
        [
          Type.Literal('retirement'),
          Type.Literal('transfer'),
          Type.Literal('misconduct'),
          Type.Literal('other'),
        ],
        {
          title: '注销原因',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const OfficerListQuery = Type.Object(
  {
    agencyId: Type.Optional(Id('执法主体')),
    status: Type.Optional(
      Type.Union(
        [Type.Literal('valid'), Type.Literal('suspended'), Type.Literal('revoked'), Type.Literal('expired')],
        { title: '证件状态' },
      ),
    ),
    category: Type.Optional(Str('执法类别', 32)),
    auxiliary: Type.Optional(Type.Boolean({ title: '是否执法辅助人员' })),
    q: Type.Optional(Str('关键词', 50)),
    page: Type.Integer({ title: '页码', minimum: 1, default: 1 }),
    pageSize: Type.Integer({ title: '每页条数', minimum: 1, maximum: 200, default: 20 }),
  },
  { additionalProperties: false },
);

export const CanActQuery = Type.Object(
  {
    category: Str('执法类别', 32, 1),
    regionCode: Str('执法地点行政区划', 12, 1),
    date: Type.Optional(Day('执法日期')),
  },
  { additionalProperties: false },
);

export const AgencyListQuery = Type.Object(
  { regionCode: Type.Optional(Str('行政区划代码', 12)), q: Type.Optional(Str('关键词', 50)) },
  { additionalProperties: false },
);
