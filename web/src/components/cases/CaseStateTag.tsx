import { Tag } from 'antd';
import { PROCEDURE_COLORS, PROCEDURE_LABELS, stateColor } from '../../caseLabels.ts';
import type { Procedure } from '../../caseTypes.ts';

export function CaseStateTag({
  procedure,
  state,
  label,
  testId,
}: {
  procedure: Procedure;
  state: string;
  label: string;
  testId?: string;
}) {
  return (
    <Tag color={stateColor(procedure, state)} data-state={state} data-testid={testId}>
      {label}
    </Tag>
  );
}

export function ProcedureTag({ procedure, label }: { procedure: Procedure; label?: string }) {
  return <Tag color={PROCEDURE_COLORS[procedure] ?? 'default'}>{label ?? PROCEDURE_LABELS[procedure]}</Tag>;
}
