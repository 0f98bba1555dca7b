import type { Static } from 'typebox';
import type { OfficerListQuery } from '../../src/modules/org/schemas.ts';
import type {
  AgencyType,
  CertificateAction,
  EffectiveStatus,
  RegionLevel,
  RevocationCause,
  Role,
} from './types.ts';

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  auxiliary: '执法辅助人员',
  legal_reviewer: '法制审核人员',
  agency_head: '机关负责人',
  agency_admin: '机关管理员',
  supervisor: '执法监督人员',
  system_admin: '系统管理员',
};

export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  statutory: '法定',
  authorized: '授权',
  entrusted: '委托',
};

export const AGENCY_TYPE_COLORS: Record<AgencyType, string> = {
  statutory: 'blue',
  authorized: 'cyan',
  entrusted: 'purple',
};

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县',
  township: '乡镇',
};

export const STATUS_LABELS: Record<EffectiveStatus, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '注销',
  expired: '过期',
  not_yet_valid: '未生效',
  auxiliary: '无执法证',
};

export const STATUS_COLORS: Record<EffectiveStatus, string> = {
  valid: 'success',
  suspended: 'warning',
  revoked: 'error',
  expired: 'default',
  not_yet_valid: 'processing',
  auxiliary: 'default',
};

/** The certificate statuses an officer list can be filtered by (the query's `status`). */
export const STATUS_FILTER_LABELS: Record<NonNullable<Static<typeof OfficerListQuery>['status']>, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '注销',
  expired: '过期',
};

export const CERTIFICATE_ACTION_LABELS: Record<CertificateAction, string> = {
  suspend: '暂扣',
  reinstate: '恢复',
  revoke: '注销',
};

export const REVOCATION_CAUSE_LABELS: Record<RevocationCause, string> = {
  retirement: '退休',
  transfer: '调离',
  misconduct: '违法违纪',
  other: '其他',
};

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export function agencyTypeLabel(type: string): string {
  return (AGENCY_TYPE_LABELS as Record<string, string>)[type] ?? type;
}

/** Options for antd Select from a label map. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
