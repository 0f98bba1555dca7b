import { displayNamesOf } from '../auth/store.ts';
import { type Db, UUID_RE } from '../db/index.ts';
import type { AuditRow } from './store.ts';

/** Names of records by id, for the audit page (ids the caller may not know are simply absent). */
export type NameLookup = (db: Db, ids: string[]) => Promise<Map<string, string>>;

export interface AuditTarget {
  /** What the record is, e.g. 执法人员. */
  label: string;
  names?: NameLookup;
  /** Where the console shows the record. */
  path?: (id: string) => string;
}

/**
 * What each module says of its audit entries: the Chinese name of each action, of each kind of record
 * and of each detail. The platform knows nothing of enforcement; the composition root (`app.ts`) hands
 * the modules' vocabularies to the audit page.
 */
export interface AuditVocabulary {
  actions?: Record<string, string>;
  /** Labels for action codes built from a prefix, e.g. `case.` followed by the step. */
  actionPrefixes?: Record<string, (rest: string) => string | undefined>;
  /** How the action filter names each prefix (all actions starting with it). */
  prefixLabels?: Record<string, string>;
  targets?: Record<string, AuditTarget>;
  /** Detail keys (and the field names that `fields` lists) in Chinese. */
  details?: Record<string, string>;
}

export function mergeVocabularies(list: readonly AuditVocabulary[]): Required<AuditVocabulary> {
  const out: Required<AuditVocabulary> = {
    actions: {},
    actionPrefixes: {},
    prefixLabels: {},
    targets: {},
    details: {},
  };
  for (const v of list) {
    Object.assign(out.actions, v.actions);
    Object.assign(out.actionPrefixes, v.actionPrefixes);
    Object.assign(out.prefixLabels, v.prefixLabels);
    Object.assign(out.targets, v.targets);
    Object.assign(out.details, v.details);
  }
  return out;
}

export function actionLabel(vocab: Required<AuditVocabulary>, action: string): string {
  const exact = vocab.actions[action];
  if (exact) return exact;
  for (const [prefix, label] of Object.entries(vocab.actionPrefixes)) {
    if (!action.startsWith(prefix)) continue;
    const found = label(action.slice(prefix.length));
    if (found) return found;
  }
  return '其他操作';
}

const HASH = /^[0-9a-f]{64}$/;
const SNAKE_CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
/** Keys whose values are codes (case states, record kinds), never names. */
const CODE_KEYS = new Set(['from', 'to', 'kind', 'result', 'type']);

function valueText(vocab: Required<AuditVocabulary>, key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    // Identifiers mean nothing to a reader; the record itself is named in the target column.
    if (UUID_RE.test(value)) return null;
    if (HASH.test(value)) return `${value.slice(0, 16)}…`;
    // An internal code (a state, a kind): the action's label already says what happened.
    if (SNAKE_CODE.test(value) || (CODE_KEYS.has(key) && /^[a-z]+$/.test(value))) return null;
    return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  }
  if (Array.isArray(value)) {
    // `fields` lists the names of changed fields: shown by their Chinese names.
    const parts = value
      .map((v) =>
        key === 'fields' && typeof v === 'string' ? (vocab.details[v] ?? null) : valueText(vocab, key, v),
      )
      .filter((v): v is string => v !== null);
    const hidden = value.length - parts.length;
    if (parts.length === 0) return hidden > 0 ? `${hidden} 项` : null;
    return parts.join('、') + (hidden > 0 ? ` 等 ${value.length} 项` : '');
  }
  return null;
}

export type AuditView = ReturnType<typeof viewOf>;

function viewOf(
  vocab: Required<AuditVocabulary>,
  e: AuditRow,
  actorName: string | undefined,
  targetName: string | undefined,
) {
  const target = e.targetType ? vocab.targets[e.targetType] : undefined;
  const details = e.details && typeof e.details === 'object' ? e.details : {};
  const detailItems = Object.entries(details).flatMap(([k, v]) => {
    const label = vocab.details[k];
    const value = label ? valueText(vocab, k, v) : null;
    return label && value ? [{ label, value }] : [];
  });
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    actionLabel: actionLabel(vocab, e.action),
    actorUsername: e.actorUsername,
    actorName: actorName ?? null,
    actorRole: e.actorRole,
    targetLabel: target?.label ?? (e.targetType ? '其他记录' : null),
    targetName: targetName ?? null,
    // A link only to a record that still answers to its name (or whose kind has no names).
    targetPath: target?.path && e.targetId && (targetName || !target.names) ? target.path(e.targetId) : null,
    ip: e.ip,
    /** The region of the record touched: what a supervisor's scope is checked against. */
    regionCode: e.regionCode,
    detailItems,
  };
}

/** Audit rows as people read them: names and Chinese labels, never codes, ids or JSON. */
export async function presentAudit(db: Db, rows: AuditRow[], vocab: Required<AuditVocabulary>) {
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const actors = new Map((await displayNamesOf(db, actorIds)).map((u) => [u.id, u.displayName]));
  const byType = new Map<string, Set<string>>();
  for (const r of rows)
    if (r.targetType && r.targetId)
      byType.set(r.targetType, (byType.get(r.targetType) ?? new Set()).add(r.targetId));
  const names = new Map<string, string>();
  for (const [type, ids] of byType) {
    const lookup = vocab.targets[type]?.names;
    if (!lookup) continue;
    for (const [id, name] of await lookup(db, [...ids])) names.set(`${type}:${id}`, name);
  }
  return rows.map((r) =>
    viewOf(
      vocab,
      r,
      r.actorUserId ? actors.get(r.actorUserId) : undefined,
      r.targetType && r.targetId ? names.get(`${r.targetType}:${r.targetId}`) : undefined,
    ),
  );
}
