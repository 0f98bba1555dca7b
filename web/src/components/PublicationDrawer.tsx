import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { PublicationDraft } from '../../../src/modules/publicity/contract.ts';
import {
  WITHDRAWAL_REASON_LABELS,
  WITHDRAWAL_REASONS,
  WITHHOLD_REASON_LABELS,
  WITHHOLD_REASONS,
} from '../../../src/modules/publicity/rules/publication.ts';
import { api, seg } from '../api.ts';
import { formatFen } from '../caseFormat.ts';
import { useShowError } from '../hooks.ts';
import { ClockTag } from './cases/ClockTag.tsx';

// The public notice of one decision before and after publishing: what the portal will show, every passage
// redaction took out (the person who publishes checks them, P10), passages to mark by hand, the period, and
// the actions the server says the caller may take.

const NAME_MASKS = [
  { value: 'surname_mou_mou', label: '张某某' },
  { value: 'surname_mou', label: '张某' },
  { value: 'surname_x', label: '张××' },
] as const;
type NameMask = (typeof NAME_MASKS)[number]['value'];

function NoticePreview({ n }: { n: PublicationDraft['notice'] }) {
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { width: 104, whiteSpace: 'nowrap' } }}
      data-testid="notice-preview"
    >
      <Descriptions.Item label="执法机关">{n.agencyName}</Descriptions.Item>
      <Descriptions.Item label="执法类别">{n.categoryLabel}</Descriptions.Item>
      <Descriptions.Item label="执法对象">
        {n.partyName}（{n.partyCategory}）
      </Descriptions.Item>
      {n.partyCode ? <Descriptions.Item label="统一社会信用代码">{n.partyCode}</Descriptions.Item> : null}
      {n.legalRepresentative ? (
        <Descriptions.Item label="法定代表人">{n.legalRepresentative}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label="决定书文号">{n.documentNumber ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="违法行为类型">{n.caseCause}</Descriptions.Item>
      <Descriptions.Item label="主要事实">
        <span style={{ whiteSpace: 'pre-wrap' }}>{n.facts || '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label="执法依据">{n.legalBasis || '—'}</Descriptions.Item>
      <Descriptions.Item label="执法结论">{n.content || '—'}</Descriptions.Item>
      {n.fineFen !== null ? (
        <Descriptions.Item label="罚款金额">{formatFen(n.fineFen)}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label="决定日期">{n.decidedOn}</Descriptions.Item>
    </Descriptions>
  );
}

export function PublicationDrawer({
  caseId,
  onClose,
  onDone,
}: {
  caseId: string | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState<PublicationDraft | null>(null);
  const [manual, setManual] = useState<string[]>([]);
  const [nameMask, setNameMask] = useState<NameMask>('surname_mou_mou');
  const [months, setMonths] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'withhold' | 'withdraw' | null>(null);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const showError = useShowError();

  const load = useCallback(async () => {
    if (!caseId) return;
    try {
      const d = await api.post<PublicationDraft>(`/api/publications/cases/${seg(caseId)}/draft`, {
        manual,
        nameMask,
      });
      setDraft(d);
      setMonths((m) => m ?? d.period.minMonths);
    } catch (e) {
      showError(e);
    }
  }, [caseId, manual, nameMask, showError]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      void message.success(done);
      setDialog(null);
      onDone();
      await load();
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };
  const publish = () =>
    act(
      () =>
        api.post(`/api/publications/cases/${seg(caseId ?? '')}/publish`, {
          manual,
          nameMask,
          periodMonths: months ?? undefined,
        }),
      '已在公示平台公开',
    );
  const submitDialog = async () => {
    const v = await form.validateFields();
    if (dialog === 'withhold')
      await act(
        () =>
          api.post(`/api/publications/cases/${seg(caseId ?? '')}/withhold`, {
            reason: v.reason,
            note: v.note,
          }),
        '已记录不予公开及理由',
      );
    else if (dialog === 'withdraw' && draft?.publicationId)
      await act(
        () =>
          api.post(`/api/publications/${seg(draft.publicationId ?? '')}/withdraw`, {
            reason: v.reason,
            note: v.note,
            rulingOn: (v.rulingOn as Dayjs).format('YYYY-MM-DD'),
          }),
        '已撤下，并公开撤下理由',
      );
  };

  const pending = draft?.status === 'pending';
  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      width="min(760px, 100vw)"
      title={draft ? `执法决定公开：${draft.caseTitle}` : '执法决定公开'}
      destroyOnHidden
    >
      {!draft ? (
        <Spin style={{ display: 'block', marginTop: 40 }} />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <Tag color={pending ? 'orange' : draft.status === 'published' ? 'green' : 'default'}>
              {draft.statusLabel}
            </Tag>
            {draft.clock ? <ClockTag clock={draft.clock} /> : null}
            {draft.caseNumber ? <Typography.Text type="secondary">{draft.caseNumber}</Typography.Text> : null}
          </Flex>
          {pending ? (
            <Alert
              type="info"
              showIcon
              message="以下是将在公示平台显示的内容"
              description="平台已从案件生成公开信息，并自动隐去个人的证件号码、电话、住址、银行账号、健康信息和其他自然人的姓名。请逐项核对下方“已隐去的内容”；还有需要隐去的段落，可在“人工标记”中添加。"
            />
          ) : null}
          <NoticePreview n={draft.notice} />
          {pending ? (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                已隐去的内容（{draft.removed.length} 处）
              </Typography.Title>
              <Table
                size="small"
                rowKey={(_r, i) => String(i)}
                pagination={false}
                scroll={{ x: true }}
                dataSource={draft.removed}
                data-testid="removed-passages"
                columns={[
                  { title: '位置', dataIndex: 'fieldLabel' },
                  { title: '类别', dataIndex: 'kindLabel' },
                  { title: '原文', dataIndex: 'original' },
                  { title: '公开为', dataIndex: 'replacement' },
                ]}
              />
              <Form layout="vertical">
                <Form.Item
                  label="人工标记须隐去的段落"
                  extra="输入原文中的一段文字后回车，所有出现之处都将隐去"
                >
                  <Select
                    mode="tags"
                    value={manual}
                    onChange={setManual}
                    open={false}
                    placeholder="如：某段涉及个人隐私的描述"
                    data-testid="manual-marks"
                  />
                </Form.Item>
                <Space wrap size="large">
                  <Form.Item label="自然人姓名显示为">
                    <Select
                      value={nameMask}
                      onChange={setNameMask}
                      options={[...NAME_MASKS]}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item
                    label="公示期（月）"
                    extra={`${draft.period.minMonths}至${draft.period.maxMonths}个月${draft.period.longSector ? '（特种设备、安全生产、消防领域至少一年）' : ''}`}
                  >
                    <InputNumber
                      min={draft.period.minMonths}
                      max={draft.period.maxMonths}
                      value={months}
                      onChange={(v) => setMonths(v)}
                      data-testid="period-months"
                    />
                  </Form.Item>
                </Space>
              </Form>
            </>
          ) : null}
          <Space wrap>
            {draft.can.publish ? (
              <Button type="primary" loading={busy} onClick={publish} data-testid="publish">
                公开
              </Button>
            ) : null}
            {draft.can.withhold ? (
              <Button
                onClick={() => {
                  form.resetFields();
                  setDialog('withhold');
                }}
                data-testid="withhold"
              >
                不予公开…
              </Button>
            ) : null}
            {draft.can.withdraw ? (
              <Button
                danger
                onClick={() => {
                  form.resetFields();
                  setDialog('withdraw');
                }}
                data-testid="withdraw"
              >
                撤下…
              </Button>
            ) : null}
            {draft.publicationId && draft.status !== 'withheld' ? (
              <Button href={`/decisions/${draft.publicationId}`} target="_blank">
                在公示平台查看
              </Button>
            ) : null}
          </Space>
        </Flex>
      )}
      <Modal
        open={dialog !== null}
        title={dialog === 'withhold' ? '不予公开' : '撤下已公开的执法决定'}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submitDialog()}
        onCancel={() => setDialog(null)}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请选择理由' }]}>
            <Select
              options={(dialog === 'withhold' ? WITHHOLD_REASONS : WITHDRAWAL_REASONS).map((r) => ({
                value: r,
                label:
                  dialog === 'withhold'
                    ? WITHHOLD_REASON_LABELS[r as keyof typeof WITHHOLD_REASON_LABELS]
                    : WITHDRAWAL_REASON_LABELS[r as keyof typeof WITHDRAWAL_REASON_LABELS],
              }))}
            />
          </Form.Item>
          {dialog === 'withdraw' ? (
            <Form.Item
              name="rulingOn"
              label="撤销（变更）决定作出的日期"
              rules={[{ required: true, message: '请选择日期' }]}
              extra="应自该日起3个工作日内撤下"
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="note"
            label={dialog === 'withdraw' ? '理由说明（将向社会公开）' : '具体情况'}
            rules={[{ required: true, whitespace: true, message: '请填写' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
