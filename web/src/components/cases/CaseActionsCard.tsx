import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { seg } from '../../api.ts';
import { useUser } from '../../auth.tsx';
import type { CaseAction, CaseDetail, TransitionAnswer } from '../../caseTypes.ts';
import type { Officer, User } from '../../types.ts';
import { ActionModal, missingAv } from './ActionModal.tsx';

/** Steps that end or turn away the record: shown as danger buttons. */
const DANGER = new Set(['close_lead', 'withdraw', 'reject', 'cancel', 'refer_criminal', 'transfer']);

/** The performer names (vocabulary.ts PERFORMER_LABELS) this user answers to. */
function performerNames(u: User, c: CaseDetail): Set<string> {
  const names = new Set<string>();
  const byRole: Partial<Record<User['role'], string>> = {
    officer: '执法人员',
    agency_head: '机关负责人',
    legal_reviewer: '法制审核人员',
    agency_admin: '机关管理员',
  };
  const own = byRole[u.role];
  if (own) names.add(own);
  if (u.role !== 'auxiliary' && u.officerId) {
    if (c.team.some((m) => m.id === u.officerId)) names.add('承办执法人员');
    if (c.snapshot.hearingHostOfficerId === u.officerId) names.add('听证主持人');
  }
  return names;
}

/**
 * 办理: one button per step the current state allows. Steps this user performs come first; the others
 * are grouped by who performs them. The server decides in the end (and says why not).
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
  const user = useUser();
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

  const me = performerNames(user, c);
  const mine = c.actions.filter((a) => a.performers.some((p) => me.has(p)));
  const others = new Map<string, CaseAction[]>();
  for (const a of c.actions) {
    if (mine.includes(a)) continue;
    const who = a.performers.join('或');
    others.set(who, [...(others.get(who) ?? []), a]);
  }
  // The step that moves the case forward is the primary one.
  const forward = mine.find(
    (a) =>
      a.to !== c.state &&
      !DANGER.has(a.action) &&
      !a.action.startsWith('return') &&
      !(a.action === 'request_hearing' && !c.snapshot.hearingEligible),
  );
  const button = (a: CaseAction, small = false) => (
    <Button
      key={a.action}
      size={small ? 'small' : 'middle'}
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
              {mine.map((a) => button(a))}
            </Flex>
          ) : null}
          {[...others].map(([who, actions]) => (
            <Flex key={who} wrap gap={8} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                由{who}办理：
              </Typography.Text>
              {actions.map((a) => button(a, true))}
            </Flex>
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
