import type { AuditVocabulary } from '../../platform/audit/present.ts';
import type { Db } from '../../platform/db/index.ts';
import { CERTIFICATE_ACTION_LABELS } from './rules/certificate.ts';
import { agencyNames, officersByIds, regionNames, unitNames } from './store.ts';

const byId = async <T extends { id: string; name: string }>(rows: Promise<T[]>) =>
  new Map((await rows).map((r) => [r.id, r.name]));

/** The register's audit entries in Chinese, with the names of the records they touch. */
export const ORG_AUDIT: AuditVocabulary = {
  actions: {
    'region.create': '新增行政区划',
    'region.rename': '更名行政区划',
    'category.upsert': '维护执法类别',
    'agency.create': '新增执法主体',
    'agency.update': '修改执法主体',
    'unit.create': '新增内设机构',
    'unit.update': '修改内设机构',
    'officer.create': '登记执法人员',
    'officer.update': '修改执法人员信息',
    'officer.import': '批量导入执法人员',
    'officer.read_personal': '查看执法人员个人信息',
  },
  actionPrefixes: {
    'certificate.': (a) => {
      const label = CERTIFICATE_ACTION_LABELS[a as keyof typeof CERTIFICATE_ACTION_LABELS];
      return label ? `${label}执法证件` : undefined;
    },
  },
  prefixLabels: { 'certificate.': '执法证件状态变更' },
  targets: {
    officer: {
      label: '执法人员',
      names: async (db: Db, ids) => byId(officersByIds(db, ids)),
      path: (id) => `/officers/${id}`,
    },
    agency: {
      label: '执法主体',
      names: async (db: Db, ids) => byId(agencyNames(db, ids)),
      path: (id) => `/agencies/${id}`,
    },
    unit: {
      label: '内设机构',
      names: async (db: Db, ids) => byId(unitNames(db, ids)),
    },
    region: {
      label: '行政区划',
      names: async (db: Db, codes) => byId(regionNames(db, codes)),
      path: () => '/regions',
    },
    category: { label: '执法类别' },
  },
  details: {
    name: '名称',
    from: '原名称',
    to: '新名称',
    codes: '类别代码',
    certificateNo: '执法证件编号',
    isAuxiliary: '辅助人员',
    rows: '导入行数',
    filename: '文件名',
    reason: '理由',
    fields: '修改的项目',
    // names of the fields a patch lists
    functions: '职能',
    legalBasis: '设立依据',
    uscc: '统一社会信用代码',
    type: '类型',
    regionCode: '所在区划',
    contactPhone: '联系电话',
    contactAddress: '联系地址',
    parentId: '上级机关',
    entrustment: '委托关系',
    isReviewUnit: '法制审核机构',
    unitId: '内设机构',
    categories: '执法类别',
    enforcementRegionCode: '执法区域',
    issueDate: '发证日期',
    expiryDate: '有效期至',
    isLegalReviewer: '法制审核人员',
    legalQualification: '法律职业资格',
    trainingHours: '培训学时',
    phone: '联系电话',
  },
};
