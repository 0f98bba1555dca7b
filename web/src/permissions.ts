import type { User } from './types.ts';

// What the server said the caller may do (`user.permissions`, from the modules' policies). These only
// decide which buttons and menu entries to show; the server still refuses what its policy refuses.
// Rights on one record (this agency, this officer) travel with the record as `can`.

/** Sees several agencies (supervision or everything): pages offer a choice of agency. */
export const isOversight = (u: User): boolean => u.permissions.overseeAgencies;

export const canEditRegions = (u: User): boolean => u.permissions.editRegions;
export const canCreateAgency = (u: User): boolean => u.permissions.createAgency;
export const canSeeAudit = (u: User): boolean => u.permissions.seeAudit;

/** Create officers and import them, for some agency; on one agency or officer, read its `can`. */
export const canManageOfficers = (u: User): boolean => u.permissions.manageOfficers;

/** Staff of an agency who handle its cases; the rules decide each step. */
export const canHandleCases = (u: User): boolean => u.permissions.handleCases;

/** May register a lead or open a case (auxiliaries never act on their own). */
export const canOpenCases = (u: User): boolean => u.permissions.openCases;

/**
 * Register, hand out, take back and retire recorders. The devices a caller sees are those of the
 * agencies in their scope, where the capability holds; the server refuses anything else.
 */
export function canManageDevices(u: User, _agencyId?: string): boolean {
  return u.permissions.manageDevices;
}

/** The record supervision pages (R9): the agency's head and legal reviewers, and supervisors. */
export const canSuperviseRecords = (u: User): boolean => u.permissions.superviseRecords;

/** The legal review workbench (法制审核): the agency's reviewers and head, and supervisors. */
export const canUseReviewWorkbench = (u: User): boolean => u.permissions.reviewWorkbench;
export const canUsePublicationDesk = (u: User): boolean => u.permissions.publicationDesk;
