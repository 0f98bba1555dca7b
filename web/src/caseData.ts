import { api } from './api.ts';
import type { EnforcementItem, ItemList, ItemType } from './caseTypes.ts';
import { useAsync } from './hooks.ts';
import type { ListAnswer, Officer } from './types.ts';

/** The enforcement items of one agency, optionally of one type (GET /api/items). */
export function useAgencyItems(agencyId: string | null, type?: ItemType) {
  return useAsync(
    (signal) =>
      agencyId
        ? api
            .get<ItemList>('/api/items', { agencyId, type }, signal)
            .then((a) => a.items.filter((i) => i.active))
        : Promise.resolve([] as EnforcementItem[]),
    `${agencyId ?? ''}|${type ?? ''}`,
  );
}

/** Officers of one agency holding a valid certificate (auxiliaries never count on a team). */
export function useCertifiedOfficers(agencyId: string | null) {
  return useAsync(
    (signal) =>
      agencyId
        ? api
            .get<ListAnswer<Officer>>(
              '/api/officers',
              { agencyId, status: 'valid', auxiliary: false, pageSize: 200 },
              signal,
            )
            .then((a) => a.items.filter((o) => !o.isAuxiliary && o.effectiveStatus === 'valid'))
        : Promise.resolve([] as Officer[]),
    agencyId ?? '',
  );
}

export function officerOptions(officers: Officer[]) {
  return officers.map((o) => ({
    value: o.id,
    label: o.certificateNo ? `${o.name}（${o.certificateNo}）` : o.name,
  }));
}
