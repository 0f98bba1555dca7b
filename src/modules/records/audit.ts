import type { AuditVocabulary } from '../../platform/audit/present.ts';
import { deviceNames } from './store.ts';

/** Whole-process records' audit entries in Chinese. */
export const RECORDS_AUDIT: AuditVocabulary = {
  actions: {
    'evidence.upload': '上传证据或音像记录',
    'case_file.lock': '归档并锁定案卷',
    'device.register': '登记执法记录设备',
    'device.assign': '配发执法记录设备',
    'device.return': '收回执法记录设备',
    'device.retire': '停用执法记录设备',
    'spot_check.create': '发起案卷随机抽查',
    'spot_check.review': '填写案卷抽查结论',
  },
  targets: {
    device: {
      label: '执法记录设备',
      names: async (db, ids) =>
        new Map((await deviceNames(db, ids)).map((d) => [d.id, `设备 ${d.serialNumber}`])),
      path: (id) => `/devices/${id}`,
    },
    spot_check: { label: '案卷抽查', path: (id) => `/spot-checks/${id}` },
  },
  details: {
    size: '文件大小（字节）',
    lateUpload: '超过24小时上传',
    deduplicated: '与已存文件相同',
    items: '案卷材料数',
    late: '超过归档期限',
    population: '抽查范围内案卷数',
    sampled: '抽取案卷数',
    minCoverage: '最低覆盖比例',
    serialNumber: '设备编号',
  },
};
