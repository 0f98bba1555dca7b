import { CloseOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Typography } from 'antd';
import { useState } from 'react';
import { DOCUMENT_LABELS } from '../../caseLabels.ts';
import type { CaseDetail } from '../../caseTypes.ts';
import { deviceLabel, useAgencyDevices, useAgencyStaff } from '../../recordData.ts';
import { EvidenceList } from '../records/EvidenceList.tsx';
import { EvidenceUploadForm } from './EvidenceUploadForm.tsx';

/**
 * 证据和音像记录: every record of the case with what it records (R3), its late-upload flag (R5) and
 * mark (R8), opened through the logged content route (R9) — and, for the agency's staff, the upload form.
 */
export function CaseEvidenceCard({
  c,
  canAdd,
  onAdded,
}: {
  c: CaseDetail;
  canAdd: boolean;
  onAdded: () => void;
}) {
  const [adding, setAdding] = useState(false);
  // Once opened the form stays mounted (hidden when folded), so an upload in progress goes on.
  const [opened, setOpened] = useState(false);
  const { data: devices = [] } = useAgencyDevices(c.agencyId);
  const { data: staff = [] } = useAgencyStaff(c.agencyId);
  const devicesById = new Map(devices.map((d) => [d.id, deviceLabel(d)]));
  const names = new Map([
    ...staff.map((o) => [o.id, o.name] as const),
    ...c.team.map((m) => [m.id, m.name] as const),
  ]);
  const titles = new Map<string, string>([
    ...c.documents.map(
      (d) => [d.id, `${DOCUMENT_LABELS[d.kind] ?? d.kind}${d.number ? `（${d.number}）` : ''}`] as const,
    ),
    ...c.evidence.map((e) => [e.id, e.title] as const),
  ]);
  const items = [...c.evidence].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));

  return (
    <Card
      title="证据和音像记录"
      size="small"
      data-testid="case-evidence"
      extra={
        canAdd ? (
          <Button
            size="small"
            type={adding ? 'default' : 'primary'}
            icon={adding ? <CloseOutlined /> : <CloudUploadOutlined />}
            onClick={() => {
              setOpened(true);
              setAdding((v) => !v);
            }}
            data-testid="evidence-new"
          >
            {adding ? '收起' : c.state === 'archived' ? '上传更正' : '上传'}
          </Button>
        ) : null
      }
    >
      {opened ? (
        <div style={adding ? undefined : { display: 'none' }}>
          <EvidenceUploadForm
            c={c}
            devices={devices}
            staff={staff}
            onUploaded={() => {
              setAdding(false);
              onAdded();
            }}
          />
          <Divider style={{ margin: '12px 0' }} />
        </div>
      ) : null}
      <EvidenceList
        items={items}
        deviceName={(id) => devicesById.get(id)}
        officerName={(id) => names.get(id)}
        recordTitle={(id) => titles.get(id)}
      />
      {items.length ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          每次打开或下载都会记录调阅人、时间和事由。存证回执可在公示门户
          <a href="/verify" target="_blank" rel="noreferrer">
            「存证回执核验」
          </a>
          页面核验。
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
