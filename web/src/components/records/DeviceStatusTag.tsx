import { Tag } from 'antd';
import type { Device } from '../../recordTypes.ts';

export function DeviceStatusTag({ d }: { d: Pick<Device, 'status' | 'statusLabel'> }) {
  return <Tag color={d.status === 'in_service' ? 'green' : 'default'}>{d.statusLabel}</Tag>;
}
