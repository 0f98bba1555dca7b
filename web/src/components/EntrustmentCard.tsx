import { Alert, Card, Descriptions } from 'antd';
import { Link } from 'react-router-dom';
import { seg } from '../api.ts';
import type { Entrustment } from '../types.ts';

const pre = { whiteSpace: 'pre-wrap' as const };

function Lines({ items }: { items: string[] | string }) {
  const list = Array.isArray(items) ? items : [items];
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {list.map((x, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a plain list that never reorders
        <li key={i}>{x}</li>
      ))}
    </ol>
  );
}

/** 委托执法 block of an entrusted agency. */
export function EntrustmentCard({ entrustment: e }: { entrustment: Entrustment | null }) {
  return (
    <Card title="委托执法" size="small">
      {e ? (
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          bordered
          items={[
            {
              key: 'agency',
              label: '委托机关',
              children: (
                <Link to={`/agencies/${seg(e.entrustingAgencyId)}`}>
                  {e.entrustingAgencyName || e.entrustingAgencyId}
                </Link>
              ),
            },
            { key: 'term', label: '委托期限', children: `${e.termStart} 至 ${e.termEnd}` },
            { key: 'basis', label: '委托依据', span: 'filled', children: <div style={pre}>{e.basis}</div> },
            { key: 'items', label: '委托事项', span: 'filled', children: <Lines items={e.items} /> },
            { key: 'powers', label: '委托权限', span: 'filled', children: <Lines items={e.powers} /> },
          ]}
        />
      ) : (
        <Alert type="warning" showIcon title="委托执法主体尚未登记委托信息" />
      )}
    </Card>
  );
}
