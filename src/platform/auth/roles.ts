/** Staff roles (REQUIREMENTS "Who uses it"). The public has no role: it never logs in. */
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

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  auxiliary: '执法辅助人员',
  legal_reviewer: '法制审核人员',
  agency_head: '机关负责人',
  agency_admin: '机关管理员',
  supervisor: '执法监督人员',
  system_admin: '系统管理员',
};

/** Roles whose scope is one agency. */
export const AGENCY_ROLES: readonly Role[] = [
  'officer',
  'auxiliary',
  'legal_reviewer',
  'agency_head',
  'agency_admin',
];

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
