/** Roles of staff users (REQUIREMENTS "Who uses it"; docs/api.md "Roles"). The public has no role. */
export const ROLES = [
  'officer',
  'auxiliary',
  'legal_reviewer',
  'agency_head',
  'agency_admin',
  'supervisor',
  'system_admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  officer: '执法人员',
  auxiliary: '执法辅助人员',
  legal_reviewer: '法制审核人员',
  agency_head: '机关负责人',
  agency_admin: '机关管理员',
  supervisor: '执法监督',
  system_admin: '系统管理员',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
