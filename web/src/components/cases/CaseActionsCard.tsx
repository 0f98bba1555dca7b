import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { seg } from '../../api.ts';
import type { CaseAction, CaseDetail, TransitionAnswer } from '../../caseTypes.ts';
import type { Officer } from '../../types.ts';
import { ActionModal, missingAv } from './ActionModal.tsx';

/** Steps that end or turn away the record: shown as danger buttons. */
const DANGER = new Set(['close_lead', 'withdraw', 'reject', 'cancel', 'refer_criminal', 'transfer']);

/**
 * 办理: a button for each step the server says this user performs (`mine`, the rules' own check of the
 * performer); the other steps of the state are listed, without a button, by who performs them, with the
 * reason when the step would otherwise be this user's (an auxiliary, a lapsed certificate). The rules
 * check the rest when a step is submitted, and the modal shows their reasons.
 */
export function CaseActionsCard({
  c,
  officers,
  legalBasis,
  onChanged,
}: {
  c: CaseDetail;
  officers: Officer[];
  legalBasis?: string;
  onChanged: () => void;
}) {
  const [current, setCurrent] = useState<CaseAction | null>(null);
  const { message } = App.useApp();
  const navigate = useNavigate();

  const done = (a: TransitionAnswer) => {
    const action = current;
    setCurrent(null);
    void message.success(`已办理：${action?.label ?? ''}${a.documentId ? '，文书已签发' : ''}`);
    if (a.filedCaseId) void navigate(`/cases/${seg(a.filedCaseId)}`);
    else onChanged();
  };

  const mine = c.actions.filter((a) => a.mine);
  const others = new Map<string, CaseAction[]>();
  for (const a of c.actions) {
    if (a.mine) continue;
    const who = a.performers.join('或');
    others.set(who, [...(others.get(who) ?? []), a]);
  }
  const whyNot = [...new Set(c.actions.flatMap((a) => (a.whyNot ? [a.whyNot] : [])))];
  // The step that moves the case forward is the primary one. The court application is not while the law
  // does not allow it yet (行政强制法 arts. 53–54): its window clock says whether it is open; until then the
  // 催告, once the fine is unpaid past its limit, is the step to take.
  const clock = (key: string) => c.clocks.find((k) => k.key === key)?.status.state;
  const windowOpen = ['ok', 'warning'].includes(clock('enforcementApplication') ?? '');
  const forward =
    mine.find(
      (a) =>
        a.to !== c.state &&
        !DANGER.has(a.action) &&
        !a.action.startsWith('return') &&
        !(a.action === 'request_hearing' && !c.snapshot.hearingEligible) &&
        !(a.action === 'apply_court_enforcement' && !windowOpen),
    ) ??
    mine.find(
      (a) =>
        a.action === 'serve_demand_notice' &&
        clock('payment') === 'defaulted' &&
        !c.snapshot.dates.demandServedOn,
    );
  const button = (a: CaseAction) => (
    <Button
      key={a.action}
      type={a === forward ? 'primary' : 'default'}
      danger={DANGER.has(a.action)}
      onClick={() => setCurrent(a)}
      data-testid={`case-action-${a.action}`}
    >
      {a.label}
      {missingAv(c, a) ? '（须音像记录）' : ''}
    </Button>
  );

  return (
    <Card title="办理" size="small" data-testid="case-actions">
      {c.actions.length === 0 ? (
        <Typography.Text type="secondary">
          {c.procedure === 'lead' && c.state === 'filed' ? '案源已立案。' : '当前环节没有可办理的操作。'}
        </Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {mine.length ? (
            <Flex wrap gap={8}>
              {mine.map(button)}
            </Flex>
          ) : (
            <Typography.Text data-testid="case-actions-none-mine">
              当前环节没有由你办理的操作。
            </Typography.Text>
          )}
          {whyNot.length ? (
            <Alert type="warning" showIcon title={whyNot.join('；')} data-testid="case-actions-why-not" />
          ) : null}
          {[...others].map(([who, actions]) => (
            <Typography.Text key={who} type="secondary" style={{ fontSize: 13 }}>
              由{who}办理：
              {actions.map((a, i) => (
                <span key={a.action} data-testid={`case-waiting-${a.action}`}>
                  {i ? '、' : ''}
                  {a.label}
                </span>
              ))}
            </Typography.Text>
          ))}
        </Flex>
      )}
      <ActionModal
        c={c}
        action={current}
        officers={officers}
        legalBasis={legalBasis}
        onClose={() => setCurrent(null)}
        onDone={done}
      />
    </Card>
  );
}
