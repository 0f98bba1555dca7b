import type { AuditVocabulary } from '../../platform/audit/present.ts';

/** The publicity module's audit entries in Chinese. */
export const PUBLICITY_AUDIT: AuditVocabulary = {
  actions: {
    'publication.publish': '公开执法决定',
    'publication.withhold': '决定不予公开执法决定',
    'publication.withdraw': '撤下已公开的执法决定',
    'publication.remove': '信用修复后提前撤下执法决定',
  },
  targets: {
    publication: { label: '执法决定公开信息' },
  },
  details: {
    periodMonths: '公示期（月）',
    redacted: '自动隐去的个人信息（处）',
    manualMarks: '人工标记隐去（处）',
    reason: '理由',
    late: '超过3个工作日',
  },
};
