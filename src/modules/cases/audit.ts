import type { AuditVocabulary } from '../../platform/audit/present.ts';
import { ACTION_LABELS, DOCUMENT_LABELS, OPEN_LABELS } from './rules/vocabulary.ts';
import { caseTitlesByIds, documentNamesByIds } from './store.ts';

const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> => Object.hasOwn(o, k);

/** Case handling's audit entries in Chinese, with the titles of the cases they touch. */
export const CASES_AUDIT: AuditVocabulary = {
  actions: {
    'party.read_personal': '查看当事人身份信息',
    'document.issue': '签发执法文书',
    'document.read': '查看执法文书',
    'document.settings': '修改文书格式设置',
  },
  actionPrefixes: {
    'case.open.': (p) => (has(OPEN_LABELS, p) ? OPEN_LABELS[p] : undefined),
    'case.': (a) => (has(ACTION_LABELS, a) ? ACTION_LABELS[a] : undefined),
  },
  prefixLabels: { 'case.': '案件办理（全部环节）', 'case.open.': '登记、立案或启动程序' },
  targets: {
    case: {
      label: '案件',
      names: async (db, ids) => new Map((await caseTitlesByIds(db, ids)).map((c) => [c.id, c.title])),
      path: (id) => `/cases/${id}`,
    },
    party: { label: '当事人' },
    document: {
      label: '执法文书',
      names: async (db, ids) =>
        new Map(
          (await documentNamesByIds(db, ids)).map((d) => [
            d.id,
            `${has(DOCUMENT_LABELS, d.kind) ? DOCUMENT_LABELS[d.kind] : '文书'}${d.number ? ` ${d.number}` : ''}`,
          ]),
        ),
    },
  },
  details: { title: '标题', number: '文号', abbreviation: '机关简称', contentHash: '内容哈希（SM3）' },
};
