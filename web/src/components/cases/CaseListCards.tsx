import { Card, Empty, Flex, Pagination, type PaginationProps, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { seg } from '../../api.ts';
import { formatInstant } from '../../caseFormat.ts';
import type { CaseListItem } from '../../caseTypes.ts';
import { CaseStateTag, ProcedureTag } from './CaseStateTag.tsx';
import { ClockTag } from './ClockTag.tsx';

/** The case list at phone width: one card per case instead of a wide table. */
export function CaseListCards({
  items,
  loading,
  pagination,
}: {
  items: CaseListItem[];
  loading: boolean;
  pagination: PaginationProps;
}) {
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        <Empty description="没有符合条件的案件" />
      ) : (
        <Flex vertical gap={8}>
          {items.map((c) => (
            <Link key={c.id} to={`/cases/${seg(c.id)}`} data-testid={`case-row-${c.id}`}>
              <Card size="small" hoverable styles={{ body: { padding: 12 } }}>
                <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
                  {c.title}
                </Typography.Text>
                <Flex wrap gap={4} style={{ marginBottom: 6 }}>
                  <ProcedureTag procedure={c.procedure} label={c.procedureLabel} />
                  <CaseStateTag procedure={c.procedure} state={c.state} label={c.stateLabel} />
                  {c.nextClock ? <ClockTag clock={c.nextClock} showLabel /> : null}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.caseNumber ? `${c.caseNumber} · ` : ''}
                  {c.documentNo ? `${c.documentNo} · ` : ''}更新于 {formatInstant(c.updatedAt)}
                </Typography.Text>
              </Card>
            </Link>
          ))}
        </Flex>
      )}
      <Flex justify="center" style={{ marginTop: 12 }}>
        <Pagination {...pagination} simple />
      </Flex>
    </Spin>
  );
}
