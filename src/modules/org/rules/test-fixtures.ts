import { makeUscc } from '../../../platform/identifiers/uscc.ts';
import type { AgencyInput } from './agency.ts';
import type { Officer } from './officer.ts';

/** Shared by the tests of this folder only. */
export const CATEGORY_CODES = ['MARKET', 'URBAN', 'ECOLOGY'] as const;

export function agencyInput(over: Partial<AgencyInput> = {}): AgencyInput {
  return {
    name: '蚌埠市市场监督管理局',
    uscc: makeUscc('11340300003050121'),
    type: 'statutory',
    legalBasis: '依据机构改革方案设立',
    functions: '市场监督管理',
    regionCode: '340300',
    contactPhone: '0552-3021234',
    contactAddress: '蚌埠市龙子湖区东海大道 100 号',
    parentId: null,
    entrustment: null,
    ...over,
  };
}

export function officer(over: Partial<Officer> = {}): Officer {
  return {
    id: 'o1',
    agencyId: 'a1',
    unitId: null,
    name: '王建国',
    isAuxiliary: false,
    certificateNo: '皖03000100001',
    categories: ['MARKET'],
    enforcementRegionCode: '340300',
    issueDate: '2023-01-01',
    expiryDate: '2027-12-31',
    status: 'valid',
    isLegalReviewer: false,
    legalQualificationNo: null,
    reviewingSince: null,
    trainingHours: [{ year: 2025, hours: 62 }],
    phone: null,
    ...over,
  };
}

export function auxiliary(over: Partial<Officer> = {}): Officer {
  return officer({
    id: 'x1',
    name: '李协',
    isAuxiliary: true,
    certificateNo: null,
    categories: [],
    issueDate: null,
    expiryDate: null,
    ...over,
  });
}
