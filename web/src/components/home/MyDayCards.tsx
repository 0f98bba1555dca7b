import { Card, Empty, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { MyDay } from '../../../../src/modules/cases/contract.ts';
import { seg } from '../../api.ts';
import { formatInstant } from '../../caseFormat.ts';
import { CaseStateTag } from '../cases/CaseStateTag.tsx';
import { ClockTag } from '../cases/ClockTag.tsx';

// The home page's cards (GET /api/cases/my-day): each row links to its case; titles and empty states
// say, in the reader's words, whose work it is.

type View = MyDay['view'];

const TASK_TITLES: Record<View, string> = {
  officer: '我的待办',
  head: '待我审批、决定',
  staff: '待我办理',
  oversight: '待我办理',
};
const TASK_EMPTY: Record<View, string> = {
  officer: '没有轮到您办理的环节',
  head: '没有待您审批或决定的事项',
  staff: '没有待您办理的环节',
  oversight: '',
};
const CLOCK_TITLES: Record<View, string> = {
  officer: '我的期限（即将届满、已逾期）',
  head: '本机关逾期期限',
  staff: '本机关逾期期限',
  oversight: '辖区内逾期的办案期限',
};
const CLOCK_EMPTY: Record<View, string> = {
  officer: '您承办的案件没有即将届满或已逾期的期限',
  head: '本机关没有逾期的期限',
  staff: '本机关没有逾期的期限',
  oversight: '辖区内没有逾期的办案期限',
};

/** 共 N 项 in the card's corner, with 仅显示前 M 项 when the list is cut. */
function Count({ total, shown }: { total: number; shown: number }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
      共 {total} 项{total > shown ? `，显示前 ${shown} 项` : ''}
    </Typography.Text>
  );
}

/** One row: the case's name as a link, its 案号 under it, and what the row is about. */
function Row({
  id,
  title,
  caseNumber,
  children,
}: {
  id: string;
  title: string;
  caseNumber: string | null;
  children: ReactNode;
}) {
  return (
    <Flex vertical gap={4} style={{ padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
      <Link to={`/cases/${seg(id)}`} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
        {title}
      </Link>
      {caseNumber ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {caseNumber}
        </Typography.Text>
      ) : null}
      <Flex wrap gap={4} align="center">
        {children}
      </Flex>
    </Flex>
  );
}

export function MyTasksCard({ view, tasks }: { view: View; tasks: MyDay['tasks'] }) {
  return (
    <Card
      size="small"
      title={TASK_TITLES[view]}
      extra={<Count total={tasks.total} shown={tasks.items.length} />}
      data-testid="home-tasks"
    >
      {tasks.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={TASK_EMPTY[view]} />
      ) : (
        tasks.items.map((t) => (
          <Row key={t.caseId} id={t.caseId} title={t.title} caseNumber={t.caseNumber}>
            <CaseStateTag procedure={t.procedure} state={t.state} label={t.stateLabel} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              待办：
            </Typography.Text>
            {t.steps.map((s) => (
              <Tag key={s.action} color="geekblue" variant="outlined" data-testid="home-task-step">
                {s.label}
              </Tag>
            ))}
          </Row>
        ))
      )}
    </Card>
  );
}

export function MyClocksCard({ view, clocks }: { view: View; clocks: MyDay['clocks'] }) {
  return (
    <Card
      size="small"
      title={CLOCK_TITLES[view]}
      extra={<Count total={clocks.total} shown={clocks.items.length} />}
      data-testid="home-clocks"
    >
      {clocks.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={CLOCK_EMPTY[view]} />
      ) : (
        clocks.items.map((k) => (
          <Row key={`${k.caseId}-${k.key}`} id={k.caseId} title={k.title} caseNumber={k.caseNumber}>
            <Typography.Text style={{ fontSize: 13 }}>{k.label}</Typography.Text>
            <ClockTag clock={k} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              截止 {k.dueOn}
            </Typography.Text>
          </Row>
        ))
      )}
    </Card>
  );
}

export function RecentCasesCard({ view, recent }: { view: View; recent: MyDay['recent'] }) {
  const mine = view === 'officer';
  return (
    <Card
      size="small"
      title={mine ? '我最近承办的案件' : view === 'oversight' ? '辖区最近更新的案件' : '本机关最近更新的案件'}
      extra={<Link to={mine ? '/cases?mine=true' : '/cases'}>全部案件</Link>}
      data-testid="home-recent"
    >
      {recent.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={mine ? '您还没有承办的案件' : '还没有案件'}
        />
      ) : (
        recent.map((c) => (
          <Row key={c.id} id={c.id} title={c.title} caseNumber={c.caseNumber}>
            <CaseStateTag procedure={c.procedure} state={c.state} label={c.stateLabel} />
            {c.nextClock ? <ClockTag clock={c.nextClock} showLabel /> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              更新于 {formatInstant(c.updatedAt)}
            </Typography.Text>
          </Row>
        ))
      )}
    </Card>
  );
}
