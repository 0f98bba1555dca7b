import { AGENCY_TYPE_LABELS, type AgencyType } from './rules/agency.ts';
import {
  type CertificateStatus,
  EFFECTIVE_STATUS_LABELS,
  type EffectiveStatus,
  effectiveStatus,
  type RevocationCause,
} from './rules/index.ts';
import type { AgencyRow, EntrustmentRow, OfficerRow, TrainingRow, UnitRow } from './store.ts';

export function officerEffectiveStatus(o: OfficerRow, today: string): EffectiveStatus | 'auxiliary' {
  if (o.isAuxiliary || !o.issueDate || !o.expiryDate) return 'auxiliary';
  return effectiveStatus(
    { status: o.status as CertificateStatus, issueDate: o.issueDate, expiryDate: o.expiryDate },
    today,
  );
}

export const statusLabel = (s: EffectiveStatus | 'auxiliary') =>
  s === 'auxiliary' ? '执法辅助人员' : EFFECTIVE_STATUS_LABELS[s];

/** Officer as staff see it (docs/api.md). `phone` is personal data: callers audit the read. */
export function presentOfficer(
  row: { officer: OfficerRow; agencyName: string },
  training: TrainingRow[],
  today: string,
) {
  const o = row.officer;
  const eff = officerEffectiveStatus(o, today);
  return {
    id: o.id,
    agencyId: o.agencyId,
    agencyName: row.agencyName,
    unitId: o.unitId,
    name: o.name,
    isAuxiliary: o.isAuxiliary,
    certificateNo: o.certificateNo,
    categories: o.categories,
    enforcementRegionCode: o.enforcementRegionCode,
    issueDate: o.issueDate,
    expiryDate: o.expiryDate,
    status: o.status as CertificateStatus,
    revocationCause: o.revocationCause as RevocationCause | null,
    effectiveStatus: eff,
    effectiveStatusLabel: statusLabel(eff),
    isLegalReviewer: o.isLegalReviewer,
    legalQualificationNo: o.legalQualificationNo,
    reviewingSince: o.reviewingSince,
    trainingHours: training
      .filter((t) => t.officerId === o.id)
      .map((t) => ({ year: t.year, hours: t.hours })),
    phone: o.phone,
  };
}
export type OfficerView = ReturnType<typeof presentOfficer>;

export function presentAgency(
  a: AgencyRow,
  extra: {
    regionName: string;
    entrustment: (EntrustmentRow & { entrustingAgencyName: string }) | null;
    units?: UnitRow[];
    subordinates?: AgencyRow[];
    parentName?: string | null;
  },
) {
  return {
    id: a.id,
    name: a.name,
    uscc: a.uscc,
    type: a.type as AgencyType,
    typeLabel: AGENCY_TYPE_LABELS[a.type as AgencyType] ?? a.type,
    legalBasis: a.legalBasis,
    functions: a.functions,
    regionCode: a.regionCode,
    regionName: extra.regionName,
    contactPhone: a.contactPhone,
    contactAddress: a.contactAddress,
    parentId: a.parentId,
    parentName: extra.parentName ?? null,
    entrustment: extra.entrustment
      ? {
          entrustingAgencyId: extra.entrustment.entrustingAgencyId,
          entrustingAgencyName: extra.entrustment.entrustingAgencyName,
          basis: extra.entrustment.basis,
          items: extra.entrustment.items,
          powers: extra.entrustment.powers,
          termStart: extra.entrustment.termStart,
          termEnd: extra.entrustment.termEnd,
        }
      : null,
    units: (extra.units ?? []).map((u) => ({
      id: u.id,
      name: u.name,
      functions: u.functions,
      isReviewUnit: u.isReviewUnit,
    })),
    subordinates: (extra.subordinates ?? []).map((s) => ({ id: s.id, name: s.name })),
  };
}
export type AgencyView = ReturnType<typeof presentAgency>;
