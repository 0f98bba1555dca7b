import { FolderOpenOutlined, HistoryOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Col, Row, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { useCertifiedOfficers } from '../caseData.ts';
import type { CaseDetail, EnforcementItem } from '../caseTypes.ts';
import { CaseActionsCard } from '../components/cases/CaseActionsCard.tsx';
import { CaseClocksCard } from '../components/cases/CaseClocksCard.tsx';
import { CaseDocumentsCard } from '../components/cases/CaseDocumentsCard.tsx';
import { CaseEvidenceCard } from '../components/cases/CaseEvidenceCard.tsx';
import { ItemCard, PartyCard, TeamCard } from '../components/cases/CaseInfoCards.tsx';
import { CaseReviewCard } from '../components/cases/CaseReviewCard.tsx';
import { CaseStateTag, ProcedureTag } from '../components/cases/CaseStateTag.tsx';
import { CaseTimelineCard } from '../components/cases/CaseTimelineCard.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useAsync } from '../hooks.ts';
import { canSuperviseRecords } from '../permissions.ts';

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const {
    data: c,
    error,
    loading,
    reload,
  } = useAsync((signal) => api.get<CaseDetail>(`/api/cases/${seg(id)}`, undefined, signal), id);
  const itemId = c?.item?.id ?? '';
  const { data: item } = useAsync(
    (signal) =>
      itemId
        ? api.get<EnforcementItem>(`/api/items/${seg(itemId)}`, undefined, signal)
        : Promise.resolve(undefined),
    itemId,
  );
  // What the caller may do here is the server's answer (the case policy and the rules), not the role.
  const handles = Boolean(c?.can.handle);
  const { data: officers = [] } = useCertifiedOfficers(handles && c ? c.agencyId : null);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!c || (loading && c.id !== id)) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const names = new Map([
    ...officers.map((o) => [o.id, o.name] as const),
    ...c.team.map((m) => [m.id, m.name] as const),
  ]);
  const officerName = (oid: string) => names.get(oid);
  const legalBasis = item?.legalBasis;

  return (
    <>
      <PageHeader
        title={<span data-testid="case-title">{c.title}</span>}
        tags={
          <>
            <ProcedureTag procedure={c.procedure} label={c.procedureLabel} />
            <CaseStateTag procedure={c.procedure} state={c.state} label={c.stateLabel} testId="case-state" />
          </>
        }
        extra={
          <>
            {c.state === 'archived' ? (
              <Link to={`/cases/${seg(c.id)}/file`}>
                <Button icon={<FolderOpenOutlined />} data-testid="case-file-link">
                  案卷
                </Button>
              </Link>
            ) : null}
            {canSuperviseRecords(user) ? (
              <Link to={`/records/access?caseId=${seg(c.id)}`}>
                <Button icon={<HistoryOutlined />}>调阅日志</Button>
              </Link>
            ) : null}
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} aria-label="刷新">
              刷新
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {c.caseNumber ? (
          <>
            案号：<span data-testid="case-case-number">{c.caseNumber}</span>
            {' · '}
          </>
        ) : null}
        文号：<span data-testid="case-number">{c.snapshot.documentNo ?? '—'}</span>
        {c.leadId ? (
          <>
            {' · '}
            <Link to={`/cases/${seg(c.leadId)}`}>查看案源</Link>
          </>
        ) : null}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {handles ? (
          <Col xs={24}>
            <CaseActionsCard c={c} officers={officers} legalBasis={legalBasis} onChanged={reload} />
          </Col>
        ) : null}
        <Col xs={24} lg={8}>
          <PartyCard c={c} />
        </Col>
        <Col xs={24} md={12} lg={8}>
          <TeamCard c={c} />
        </Col>
        <Col xs={24} md={12} lg={8}>
          <ItemCard c={c} legalBasis={legalBasis} />
        </Col>
        {c.legalReview.required || c.legalReview.rounds > 0 || c.legalReview.grounds.length > 0 ? (
          <Col xs={24}>
            <CaseReviewCard c={c} />
          </Col>
        ) : null}
        <Col xs={24} lg={14}>
          <CaseClocksCard clocks={c.clocks} />
        </Col>
        <Col xs={24} lg={10} style={{ minWidth: 0 }}>
          <CaseDocumentsCard c={c} legalBasis={legalBasis} onIssued={reload} />
        </Col>
        <Col xs={24} lg={12}>
          <CaseTimelineCard events={c.events} officerName={officerName} />
        </Col>
        <Col xs={24} lg={12}>
          <CaseEvidenceCard c={c} canAdd={handles} onAdded={reload} />
        </Col>
      </Row>
    </>
  );
}
