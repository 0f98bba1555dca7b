import { DownloadOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Flex, Form, Input, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { buildUrl, seg } from '../../api.ts';
import { CONFIDENTIALITY_LABELS } from '../../recordLabels.ts';
import type { EvidenceSummary } from '../../recordTypes.ts';

export const contentUrl = (id: string, o: { download?: boolean; reason?: string } = {}) =>
  buildUrl(`/api/evidence/${seg(id)}/content`, {
    download: o.download ? 'true' : undefined,
    reason: o.reason,
  });

/** The public receipt of the record's entry in the ledger (anyone can check it at /verify). */
export const receiptUrl = (id: string) => `/api/ledger/records/${seg(id)}/receipt?download=1`;

/**
 * 打开 / 下载 / 存证回执 for one record. Opening is logged by the server (who, when, why); a record with a
 * confidentiality mark asks for the reason first (调阅事由) and only opens for those the mark allows.
 */
export function EvidenceActions({
  e,
}: {
  /** `access` is the server's answer for the caller (R8); it decides again when the record is opened. */
  e: Pick<EvidenceSummary, 'id' | 'title' | 'confidentiality' | 'access'>;
}) {
  const [asking, setAsking] = useState<'open' | 'download' | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const decision = e.access;

  const receipt = (
    <a href={receiptUrl(e.id)} target="_blank" rel="noreferrer" data-testid={`evidence-receipt-${e.id}`}>
      <SafetyCertificateOutlined /> 存证回执
    </a>
  );
  if (!decision.allowed) {
    return (
      <Flex wrap gap={12} align="center">
        <Tooltip title={decision.message ?? undefined}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            无权调阅（{CONFIDENTIALITY_LABELS[e.confidentiality]}）
          </Typography.Text>
        </Tooltip>
        {receipt}
      </Flex>
    );
  }
  if (!decision.reasonRequired) {
    return (
      <Flex wrap gap={12} align="center">
        <a href={contentUrl(e.id)} target="_blank" rel="noreferrer" data-testid={`evidence-open-${e.id}`}>
          <EyeOutlined /> 打开
        </a>
        <a href={contentUrl(e.id, { download: true })} data-testid={`evidence-download-${e.id}`}>
          <DownloadOutlined /> 下载
        </a>
        {receipt}
      </Flex>
    );
  }

  const go = async () => {
    const { reason } = await form.validateFields();
    const download = asking === 'download';
    const url = contentUrl(e.id, { download, reason: reason.trim() });
    setAsking(null);
    form.resetFields();
    if (download) window.location.assign(url);
    else window.open(url, '_blank', 'noopener');
  };
  return (
    <Flex wrap gap={12} align="center">
      <Typography.Link onClick={() => setAsking('open')} data-testid={`evidence-open-${e.id}`}>
        <EyeOutlined /> 打开
      </Typography.Link>
      <Typography.Link onClick={() => setAsking('download')} data-testid={`evidence-download-${e.id}`}>
        <DownloadOutlined /> 下载
      </Typography.Link>
      {receipt}
      <Modal
        open={asking !== null}
        title={asking === 'download' ? '下载记录：填写调阅事由' : '打开记录：填写调阅事由'}
        okText={asking === 'download' ? '下载' : '打开'}
        cancelText="取消"
        onOk={() => void go().catch(() => undefined)}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`「${e.title}」${CONFIDENTIALITY_LABELS[e.confidentiality]}`}
          description="调阅将记录调阅人、时间和事由，供机关负责人和监督人员查阅。"
        />
        <Form form={form} layout="vertical">
          <Form.Item
            label="调阅事由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写调阅事由' }]}
          >
            <Input.TextArea
              rows={2}
              maxLength={200}
              showCount
              placeholder="如：案件审核需要核对询问录音"
              data-testid="access-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
