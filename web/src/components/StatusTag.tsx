import { Tag } from 'antd';
import { STATUS_COLORS, STATUS_LABELS } from '../labels.ts';
import type { EffectiveStatus } from '../types.ts';

export function StatusTag({ status }: { status: EffectiveStatus }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status}>
      {STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function AuxiliaryTag({ isAuxiliary }: { isAuxiliary: boolean }) {
  return isAuxiliary ? <Tag color="orange">辅助人员</Tag> : <Tag color="geekblue">执法人员</Tag>;
}
