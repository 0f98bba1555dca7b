import { FilePdfOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { seg } from '../../api.ts';
import { formatInstant } from '../../caseFormat.ts';
import { DOCUMENT_LABELS } from '../../caseLabels.ts';
import type { CaseDetail } from '../../caseTypes.ts';
import { IssueDocumentModal } from './IssueDocumentModal.tsx';

/** 文书: what the case has issued, with the sealed PDF and the public verification page. */
export function CaseDocumentsCard({
  c,
  legalBasis,
  onIssued,
}: {
  c: CaseDetail;
  legalBasis?: string;
  onIssued: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Card
      title="文书"
      size="small"
      extra={
        // The kinds this user may issue on this case now, as the server decides (case team, not archived …).
        c.can.documents.length ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="document-new"
          >
            制作文书
          </Button>
        ) : null
      }
    >
      {c.documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未签发文书" />
      ) : (
        <List
          size="small"
          dataSource={c.documents}
          renderItem={(d) => (
            <List.Item data-testid={`case-document-${d.id}`} style={{ paddingInline: 0 }}>
              <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text strong>{DOCUMENT_LABELS[d.kind] ?? d.kind}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.number ?? '（无文号）'} · {formatInstant(d.issuedAt)}
                </Typography.Text>
                <Flex wrap gap={12}>
                  <a href={`/api/documents/${seg(d.id)}/pdf`} target="_blank" rel="noreferrer">
                    <FilePdfOutlined /> 下载 PDF
                  </a>
                  <a href={`/documents/${seg(d.id)}`} target="_blank" rel="noreferrer">
                    <SafetyCertificateOutlined /> 公开核验
                  </a>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {open ? (
        <IssueDocumentModal
          c={c}
          legalBasis={legalBasis}
          onClose={() => setOpen(false)}
          onIssued={() => {
            setOpen(false);
            onIssued();
          }}
        />
      ) : null}
    </Card>
  );
}
