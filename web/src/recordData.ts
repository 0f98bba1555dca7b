import { api } from './api.ts';
import { useAsync } from './hooks.ts';
import type { Device, DeviceList } from './recordTypes.ts';
import type { Agency, AgencyList, Officer, OfficerPage } from './types.ts';

/** The recorders registered for one agency (GET /api/devices?agencyId=). */
export function useAgencyDevices(agencyId: string | null) {
  return useAsync(
    (signal) =>
      agencyId
        ? api.get<DeviceList>('/api/devices', { agencyId }, signal).then((a) => a.items)
        : Promise.resolve([] as Device[]),
    agencyId ?? '',
  );
}

/** Everyone of one agency who may make a record or hold a device: officers and auxiliary staff. */
export function useAgencyStaff(agencyId: string | null) {
  return useAsync(
    (signal) =>
      agencyId
        ? api.get<OfficerPage>('/api/officers', { agencyId, pageSize: 200 }, signal).then((a) => a.items)
        : Promise.resolve([] as Officer[]),
    agencyId ?? '',
  );
}

/** "执法记录仪 SCJG-JLY-001（DSJ-V9）". */
export function deviceLabel(d: Pick<Device, 'kindLabel' | 'serialNumber' | 'model'>): string {
  return `${d.kindLabel} ${d.serialNumber}${d.model ? `（${d.model}）` : ''}`;
}

/** Select options of staff, certificate number beside the name, auxiliaries marked. */
export function staffOptions(staff: Officer[]) {
  return staff.map((o) => ({
    value: o.id,
    label: `${o.name}${o.certificateNo ? `（${o.certificateNo}）` : o.isAuxiliary ? '（辅助人员）' : ''}`,
  }));
}

/** Names of the agencies in the user's scope (GET /api/agencies), for pages listing several agencies. */
export function useAgencyNames(enabled: boolean) {
  const { data } = useAsync(
    (signal) =>
      enabled
        ? api.get<AgencyList>('/api/agencies', undefined, signal).then((a) => a.items)
        : Promise.resolve([] as Agency[]),
    String(enabled),
  );
  return new Map((data ?? []).map((a) => [a.id, a.name]));
}
