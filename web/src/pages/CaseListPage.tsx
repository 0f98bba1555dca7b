import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Grid,
  Input,
  Row,
  Select,
  Table,
  Tabs,
  Typography,
} from 'antd';
import type { HTMLAttributes, MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { formatInstant } from '../caseFormat.ts';
import { PROCEDURE_LABELS, STATES } from '../caseLabels.ts';
import type { CaseList, CaseListItem, Procedure } from '../caseTypes.ts';
import { CaseListCards } from '../components/cases/CaseListCards.tsx';
import { CaseStateTag, ProcedureTag } from '../components/cases/CaseStateTag.tsx';
import { ClockTag } from '../components/cases/ClockTag.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useAsync } from '../hooks.ts';
import { canOpenCases } from '../permissions.ts';
import { pageOf, useUrlQuery } from '../urlState.ts';

const KEYS = ['procedure', 'state', 'mine', 'open', 'q', 'page', 'pageSize'] as const;

export function CaseListPage() {
  const user = useUser();
  const navigate = useNavigate();
  const mobile = !Grid.useBreakpoint().md;
  const [query, setQuery] = useUrlQuery(KEYS);
  const page = pageOf(query.page);
  const pageSize = pageOf(query.pageSize, 20);
  const procedure = (query.procedure || '') as Procedure | '';
  const { data, error, loading } = useAsync(
    (signal) =>
      api.get<CaseList>(
        '/api/cases',
        {
          procedure: procedure || undefined,
          state: query.state || undefined,
          mine: query.mine === 'true' ? true : undefined,
          open: query.open === 'true' ? true : undefined,
          q: query.q.trim() || undefined,
          page,
          pageSize,
        },
        signal,
      ),
    JSON.stringify([query, page, pageSize]),
  );

  const openRow = (c: CaseListItem) => (e: MouseEvent) => {
    if (e.target instanceof Element && e.target.closest('a,button')) return;
    void navigate(`/cases/${seg(c.id)}`);
  };
  const pagination = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: !mobile,
    size: mobile ? ('small' as const) : undefined,
    showTotal: (t: number) => `共 ${t} 件`,
    onChange: (p: number, s: number) => setQuery({ page: s === pageSize ? p : 1, pageSize: s }),
  };

  return (
    <>
      <PageHeader
        title="案件办理"
        extra={
          canOpenCases(user) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/cases/new')}
              data-testid="case-new"
            >
              登记案源 / 新建
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Tabs
          activeKey={procedure || 'all'}
          onChange={(k) => setQuery({ procedure: k === 'all' ? null : k, state: null, page: null })}
          items={[
            { key: 'all', label: '全部' },
            ...(Object.keys(PROCEDURE_LABELS) as Procedure[]).map((p) => ({
              key: p,
              label: PROCEDURE_LABELS[p],
            })),
          ]}
          style={{ marginTop: -8 }}
        />
        <Row gutter={[12, 12]} align="middle" style={{ marginBottom: 12 }}>
          <Col xs={24} md={8} xl={6}>
            <Input.Search
              allowClear
              placeholder="案件名称、当事人、案号或文号"
              defaultValue={query.q}
              maxLength={100}
              onSearch={(v) => setQuery({ q: v.trim() || null, page: null })}
              data-testid="case-search"
            />
          </Col>
          <Col xs={24} md={8} xl={6}>
            <Select
              allowClear
              placeholder={procedure ? '办理环节' : '先选择程序，再按环节筛选'}
              disabled={!procedure}
              style={{ width: '100%' }}
              value={query.state || undefined}
              options={procedure ? STATES[procedure].map((s) => ({ value: s.key, label: s.label })) : []}
              onChange={(state?: string) => setQuery({ state, page: null })}
              data-testid="case-state-filter"
            />
          </Col>
          <Col xs={24} md={8} xl={12}>
            <Flex wrap gap={16}>
              <Checkbox
                checked={query.mine === 'true'}
                onChange={(e) => setQuery({ mine: e.target.checked ? 'true' : null, page: null })}
                data-testid="case-filter-mine"
              >
                我承办的
              </Checkbox>
              <Checkbox
                checked={query.open === 'true'}
                onChange={(e) => setQuery({ open: e.target.checked ? 'true' : null, page: null })}
                data-testid="case-filter-open"
              >
                未办结
              </Checkbox>
            </Flex>
          </Col>
        </Row>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
        {mobile ? (
          <CaseListCards items={data?.items ?? []} loading={loading} pagination={pagination} />
        ) : (
          <Table<CaseListItem>
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '没有符合条件的案件' }}
            onRow={(c) =>
              ({
                'data-testid': `case-row-${c.id}`,
                onClick: openRow(c),
                style: { cursor: 'pointer' },
              }) as HTMLAttributes<HTMLElement>
            }
            pagination={pagination}
            columns={[
              {
                title: '名称',
                dataIndex: 'title',
                render: (t: string, c) => (
                  <Link
                    to={`/cases/${seg(c.id)}`}
                    style={{ display: 'inline-block', minWidth: 160, maxWidth: 260 }}
                  >
                    {t}
                  </Link>
                ),
              },
              {
                title: '程序',
                dataIndex: 'procedure',
                render: (p: Procedure, c) => <ProcedureTag procedure={p} label={c.procedureLabel} />,
              },
              {
                title: '环节',
                dataIndex: 'state',
                render: (s: string, c) => (
                  <CaseStateTag procedure={c.procedure} state={s} label={c.stateLabel} />
                ),
              },
              {
                title: '案号',
                dataIndex: 'caseNumber',
                render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v || '—'}</span>,
              },
              { title: '文号', dataIndex: 'documentNo', render: (v: string | null) => v || '—' },
              {
                title: '最近期限',
                dataIndex: 'nextClock',
                render: (k: CaseListItem['nextClock']) =>
                  k ? (
                    <Flex vertical gap={2}>
                      <Typography.Text style={{ fontSize: 12 }}>{k.label}</Typography.Text>
                      <span>
                        <ClockTag clock={k} />
                      </span>
                    </Flex>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '更新时间',
                dataIndex: 'updatedAt',
                render: (v: string) => (
                  <span style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatInstant(v)}</span>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
