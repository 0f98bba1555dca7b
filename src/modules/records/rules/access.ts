import type { Role } from '../../../platform/auth/roles.ts';
import type { Confidentiality } from './vocabulary.ts';

/**
 * Who may open a record (R8, R9). Scope (agency, region) is decided before this: here only the
 * confidentiality mark and the reader's relation to the case count.
 *
 * - No mark: anyone whose scope covers the case may open it; the opening is logged.
 * - 个人隐私 / 商业秘密: the case team, the agency's head and legal reviewers, and supervisors — with a reason.
 * - 国家秘密: the case team and the agency's head only — with a reason (保守国家秘密法: knowledge limited to
 *   those whose work requires it).
 * Auxiliaries (辅助人员) never open marked records.
 */
export type AccessDecision = { allowed: true; reasonRequired: boolean } | { allowed: false; message: string };

export type Reader = { role: Role; onCaseTeam: boolean };

export function mayOpenRecord(reader: Reader, mark: Confidentiality): AccessDecision {
  if (mark === 'none') return { allowed: true, reasonRequired: false };
  if (reader.role === 'auxiliary')
    return { allowed: false, message: '辅助人员不得调阅涉密或涉及商业秘密、个人隐私的记录' };
  const head = reader.role === 'agency_head';
  const team = reader.onCaseTeam && reader.role === 'officer';
  if (mark === 'state_secret') {
    return team || head
      ? { allowed: true, reasonRequired: true }
      : { allowed: false, message: '涉及国家秘密的记录仅限本案承办人员和机关负责人调阅' };
  }
  const legal = reader.role === 'legal_reviewer' || reader.role === 'supervisor';
  return team || head || legal
    ? { allowed: true, reasonRequired: true }
    : {
        allowed: false,
        message: '涉及商业秘密、个人隐私的记录仅限本案承办人员、机关负责人、法制审核人员和监督人员调阅',
      };
}

/** What a record's summary says the caller may do with its content (the console shows exactly this). */
export type RecordAccess = { allowed: boolean; reasonRequired: boolean; message: string | null };

/**
 * The caller's access to a record with this mark, for one case team. System administrators run the
 * platform; they do not read enforcement records. The server decides again when the record is opened.
 */
export function recordAccessFor(
  viewer: { role: Role; officerId: string | null },
  teamOfficerIds: readonly string[],
  mark: Confidentiality,
): RecordAccess {
  if (viewer.role === 'system_admin')
    return { allowed: false, reasonRequired: false, message: '系统管理员不调阅执法记录' };
  const onCaseTeam = !!viewer.officerId && teamOfficerIds.includes(viewer.officerId);
  const d = mayOpenRecord({ role: viewer.role, onCaseTeam }, mark);
  return d.allowed
    ? { allowed: true, reasonRequired: d.reasonRequired, message: null }
    : { allowed: false, reasonRequired: false, message: d.message };
}
