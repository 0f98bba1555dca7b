import { Card, Descriptions, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { seg } from '../../api.ts';
import { PARTY_TYPE_LABELS } from '../../caseLabels.ts';
import type { CaseDetail } from '../../caseTypes.ts';

export function PartyCard({ c }: { c: CaseDetail }) {
  const p = c.party;
  const person = p?.type === 'natural_person';
  return (
    <Card title="当事人" size="small" data-testid="case-party">
      {p ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'name', label: person ? '姓名' : '名称', children: p.name },
            { key: 'type', label: '类型', children: PARTY_TYPE_LABELS[p.type] ?? p.type },
            {
              key: 'id',
              label: person ? '身份证号' : '信用代码',
              children: p.idNumber ? <Typography.Text copyable>{p.idNumber}</Typography.Text> : '—',
            },
            ...(person
              ? []
              : [
                  {
                    key: 'rep',
                    label:
                      p.type === 'individual_business'
                        ? '经营者'
                        : p.type === 'legal_person'
                          ? '法定代表人'
                          : '负责人',
                    children: p.representative || '—',
                  },
                ]),
            { key: 'address', label: '地址', children: p.address || '—' },
            { key: 'phone', label: '电话', children: p.phone || '—' },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记当事人" />
      )}
    </Card>
  );
}

export function TeamCard({ c }: { c: CaseDetail }) {
  return (
    <Card title="承办人员" size="small" data-testid="case-team">
      {c.team.length ? (
        <List
          size="small"
          dataSource={c.team}
          renderItem={(m) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Link to={`/officers/${seg(m.id)}`}>{m.name}</Link>
              <span>
                {m.certificateNo ? (
                  <Typography.Text type="secondary">{m.certificateNo}</Typography.Text>
                ) : null}
                {m.isAuxiliary ? (
                  <Tag color="orange" style={{ marginInlineStart: 8 }}>
                    辅助人员
                  </Tag>
                ) : null}
                {c.snapshot.hearingHostOfficerId === m.id ? <Tag color="gold">听证主持人</Tag> : null}
              </span>
            </List.Item>
          )}
        />
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={c.procedure === 'lead' ? '案源立案时指定承办人员' : '无'}
        />
      )}
    </Card>
  );
}

export function ItemCard({ c, legalBasis }: { c: CaseDetail; legalBasis?: string }) {
  const item = c.item;
  return (
    <Card title="执法事项" size="small" data-testid="case-item">
      {item ? (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {item.name}
            {item.requiresAv ? (
              <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="requires-av">
                需全程音像记录
              </Tag>
            ) : null}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            事项编码：{item.code}
          </Typography.Text>
          {legalBasis ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4, marginBottom: 0 }}>
              实施依据：{legalBasis}
            </Typography.Paragraph>
          ) : null}
        </>
      ) : (
        '—'
      )}
    </Card>
  );
}
