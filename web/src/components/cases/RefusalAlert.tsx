import { Alert } from 'antd';
import type { ApiError } from '../../api.ts';

/** Every reason the server gave for refusing, in its own words. */
export function RefusalAlert({ error, title = '未能办理' }: { error: ApiError; title?: string }) {
  const reasons = error.reasons.filter((r) => r.message);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="action-refusal"
      title={reasons.length > 1 ? `${title}（${reasons.length} 项原因）` : title}
      description={
        reasons.length > 1 ? (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {reasons.map((r) => (
              <li key={`${r.code}|${r.field ?? ''}|${r.message}`} data-code={r.code}>
                {r.message}
              </li>
            ))}
          </ol>
        ) : (
          <span data-code={error.code}>{error.message}</span>
        )
      }
    />
  );
}
