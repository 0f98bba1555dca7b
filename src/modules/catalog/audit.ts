import type { AuditVocabulary } from '../../platform/audit/present.ts';
import { itemNames } from './store.ts';

/** The catalogue's audit entries in Chinese. */
export const CATALOG_AUDIT: AuditVocabulary = {
  actions: {
    'item.create': '新增执法事项',
    'item.update': '修改执法事项',
    'review_catalogue.save': '修订重大执法决定法制审核目录清单',
  },
  targets: {
    enforcement_item: {
      label: '执法事项',
      names: async (db, ids) => new Map((await itemNames(db, ids)).map((r) => [r.id, r.name])),
    },
  },
  details: {
    code: '事项编码',
    requiresAv: '须全程音像记录',
    isRandomInspection: '随机抽查事项',
    active: '有效',
    catalogueVersion: '目录清单版本',
    effectiveFrom: '生效日期',
    entryCount: '条目数',
  },
};
