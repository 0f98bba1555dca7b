import { CloudUploadOutlined, PauseOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Progress,
  Row,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useUser } from '../../auth.tsx';
import { formatInstant } from '../../caseFormat.ts';
import { DOCUMENT_LABELS } from '../../caseLabels.ts';
import type { CaseDetail } from '../../caseTypes.ts';
import { useShowError } from '../../hooks.ts';
import { optionsOf } from '../../labels.ts';
import { deviceLabel, staffOptions } from '../../recordData.ts';
import {
  CONFIDENTIALITY_LABELS,
  evidenceStepOptions,
  formatBytes,
  isAvMedia,
  MEDIA_TYPE_LABELS,
  mediaTypeOfFile,
} from '../../recordLabels.ts';
import type { Device, EvidenceSummary, MediaType } from '../../recordTypes.ts';
import type { Officer } from '../../types.ts';
import type { EvidenceMetadata, UploadHandle } from '../../upload.ts';

// The tus client is loaded when a file is chosen, not with the case page.
const uploads = () => import('../../upload.ts');

interface Values {
  stepKey: string;
  mediaType: MediaType;
  title: string;
  capturedAt: Dayjs;
  deviceId?: string;
  officerId?: string;
  location?: string;
  confidentiality: string;
  correctsId?: string;
  correctionReason?: string;
  file: UploadFile[];
}

type UploadProgress = { sent: number; total: number; resumed: boolean };

/** The fields a server error may name, as they are called on this form. */
const FORM_FIELDS = new Set([
  'stepKey',
  'mediaType',
  'title',
  'capturedAt',
  'deviceId',
  'officerId',
  'location',
  'confidentiality',
  'correctsId',
  'correctionReason',
]);

/**
 * 上传证据或音像记录: what the record is (step, type, name), the metadata an AV record must carry (time,
 * device, officer, place — R3), its confidentiality mark (R8) and, once the case file is locked, what it
 * corrects and why (R7). The file goes up resumably (tus) with visible progress.
 */
export function EvidenceUploadForm({
  c,
  devices,
  staff,
  onUploaded,
}: {
  c: CaseDetail;
  devices: Device[];
  staff: Officer[];
  onUploaded: (e: EvidenceSummary) => void;
}) {
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useShowError();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const handle = useRef<UploadHandle | null>(null);
  const mediaType = Form.useWatch('mediaType', form);
  const files = Form.useWatch('file', form);
  const av = isAvMedia(mediaType ?? 'photo');
  const archived = c.state === 'archived';
  const uploading = progress !== null;
  const file = files?.[0]?.originFileObj as File | undefined;

  // Stop sending when the card goes away; the upload stays resumable.
  useEffect(() => () => handle.current?.pause(), []);

  const usable = devices.filter((d) => d.status === 'in_service');
  const myDevice = usable.find((d) => d.holder?.officerId && d.holder.officerId === user.officerId);
  const steps = evidenceStepOptions(c);
  const initial: Partial<Values> = {
    stepKey: steps[0]?.value,
    mediaType: 'photo',
    capturedAt: dayjs(),
    deviceId: myDevice?.id,
    officerId: user.officerId ?? undefined,
    confidentiality: 'none',
    file: [],
  };
  // The devices arrive after the form: pick the officer's own recorder once they do.
  useEffect(() => {
    if (myDevice && !form.getFieldValue('deviceId') && !form.isFieldTouched('deviceId'))
      form.setFieldValue('deviceId', myDevice.id);
  }, [myDevice, form]);

  const deviceOptions = [
    ...usable.map((d) => ({
      value: d.id,
      label: `${deviceLabel(d)}${d.holder?.name ? ` · ${d.holder.name}` : ''}`,
    })),
    ...devices
      .filter((d) => d.status !== 'in_service')
      .map((d) => ({ value: d.id, label: `${deviceLabel(d)}（${d.statusLabel}）` })),
  ];
  const correctable = [
    ...c.documents.map((d) => ({
      value: d.id,
      label: `文书：${DOCUMENT_LABELS[d.kind] ?? d.kind}${d.number ? `（${d.number}）` : ''}`,
    })),
    ...c.evidence.map((e) => ({ value: e.id, label: `${e.mediaTypeLabel}：${e.title}` })),
  ];
  const places = [...new Set([c.party?.address].filter((a): a is string => Boolean(a)))].map((a) => ({
    value: a,
  }));

  /** A file chosen: guess its type, and restore the details of an unfinished upload of the same file. */
  const onFile = async (f: File | undefined) => {
    setRestored(null);
    setError(null);
    if (!f) return;
    if (!form.isFieldTouched('mediaType')) form.setFieldValue('mediaType', mediaTypeOfFile(f.type));
    const { previousUploads } = await uploads();
    const previous = (await previousUploads(user.id, c.id, f).catch(() => []))[0];
    if (!previous) return;
    const m = previous.metadata;
    form.setFieldsValue({
      stepKey: m.stepKey,
      mediaType: m.mediaType as MediaType,
      title: m.title,
      capturedAt: m.capturedAt ? dayjs(m.capturedAt) : undefined,
      deviceId: m.deviceId,
      officerId: m.officerId,
      location: m.location,
      confidentiality: m.confidentiality ?? 'none',
      correctsId: m.correctsId,
      correctionReason: m.correctionReason,
    });
    setRestored(formatInstant(previous.creationTime));
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const f = v.file?.[0]?.originFileObj as File | undefined;
    if (!f) return;
    const metadata: EvidenceMetadata = {
      caseId: c.id,
      stepKey: v.stepKey,
      mediaType: v.mediaType,
      title: v.title.trim(),
      capturedAt: v.capturedAt.toISOString(),
      filename: f.name,
      filetype: f.type || 'application/octet-stream',
      deviceId: v.deviceId,
      officerId: v.officerId,
      location: v.location?.trim(),
      confidentiality: v.confidentiality,
      ...(archived ? { correctsId: v.correctsId, correctionReason: v.correctionReason?.trim() } : {}),
    };
    setError(null);
    setProgress({ sent: 0, total: f.size, resumed: false });
    try {
      const { uploadEvidence } = await uploads();
      const h = uploadEvidence(f, metadata, {
        userId: user.id,
        onProgress: (sent, total) => setProgress((p) => ({ sent, total, resumed: p?.resumed ?? false })),
        onResume: () => setProgress((p) => (p ? { ...p, resumed: true } : p)),
      });
      handle.current = h;
      const e = await h.done;
      void message.success(`已上传「${e.title}」，SM3 ${e.contentHash.slice(0, 8)}…`);
      form.resetFields();
      form.setFieldsValue({ ...initial, capturedAt: dayjs() });
      setRestored(null);
      onUploaded(e);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '上传失败，请重试');
      if (err.code !== 'PAUSED') {
        setError(err);
        showError(err, form, (field) => (FORM_FIELDS.has(field) ? [field] : ['file']));
      }
    } finally {
      handle.current = null;
      setProgress(null);
    }
  };

  const avRule = (label: string) => ({ required: av, whitespace: true, message: `音像记录须注明${label}` });
  const percent = progress && progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : 0;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={uploading}
      onValuesChange={() => setError(null)}
      data-testid="evidence-form"
    >
      {archived ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="案卷已归档锁定"
          description="归档后不能补充新的记录，只能更正：请选择所更正的记录并说明理由。"
        />
      ) : null}
      <Row gutter={12}>
        <Col xs={24}>
          <Form.Item
            label="文件"
            name="file"
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
            rules={[{ required: true, type: 'array', min: 1, message: '请选择要上传的文件' }]}
          >
            <Upload
              maxCount={1}
              beforeUpload={() => false}
              onChange={({ fileList }) => void onFile(fileList.at(-1)?.originFileObj as File | undefined)}
              data-testid="evidence-file"
            >
              <Button icon={<UploadOutlined />}>选择文件（照片、录音、录像或扫描件）</Button>
            </Upload>
          </Form.Item>
          {file ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: -16, fontSize: 12 }}>
              {formatBytes(file.size)}
              {file.lastModified ? (
                <>
                  {' · 文件时间 '}
                  {formatInstant(new Date(file.lastModified).toISOString())}{' '}
                  <Typography.Link
                    style={{ fontSize: 12 }}
                    onClick={() => form.setFieldValue('capturedAt', dayjs(file.lastModified))}
                  >
                    用作拍摄时间
                  </Typography.Link>
                </>
              ) : null}
            </Typography.Paragraph>
          ) : null}
          {restored ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="evidence-restored"
              title="此文件有未完成的上传"
              description={`开始于 ${restored}。已恢复当时填写的信息，点击「上传」将从中断处继续；修改信息则重新上传。`}
            />
          ) : null}
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="环节" name="stepKey" rules={[{ required: true, message: '请选择环节' }]}>
            <Select options={steps} data-testid="evidence-step" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="类型" name="mediaType" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={optionsOf(MEDIA_TYPE_LABELS)} data-testid="evidence-media-type" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label="名称"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请填写证据名称或说明' }]}
          >
            <Input
              maxLength={200}
              placeholder="如：现场照片：店内未悬挂许可证"
              data-testid="evidence-title"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="拍摄（制作）时间"
            name="capturedAt"
            rules={[{ required: true, message: '请选择拍摄时间' }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="evidence-captured-at"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="设备"
            name="deviceId"
            rules={[{ required: av, message: '音像记录须注明记录设备' }]}
          >
            <Select
              allowClear
              options={deviceOptions}
              placeholder="设备登记簿中的设备"
              notFoundContent="本机关尚未登记设备"
              data-testid="evidence-device"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="执法人员"
            name="officerId"
            rules={[{ required: av, message: '音像记录须注明制作的执法人员' }]}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={staffOptions(staff)}
              data-testid="evidence-officer"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="地点" name="location" rules={[avRule('拍摄地点')]}>
            <AutoComplete options={places} data-testid="evidence-location">
              <Input maxLength={200} placeholder="拍摄（制作）地点" />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="保密标识" name="confidentiality">
            <Select options={optionsOf(CONFIDENTIALITY_LABELS)} data-testid="evidence-confidentiality" />
          </Form.Item>
        </Col>
        {archived ? (
          <>
            <Col xs={24}>
              <Form.Item
                label="更正的记录"
                name="correctsId"
                rules={[{ required: true, message: '请选择所更正的记录' }]}
              >
                <Select
                  options={correctable}
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="evidence-corrects"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                label="更正理由"
                name="correctionReason"
                rules={[{ required: true, whitespace: true, message: '请说明更正理由' }]}
              >
                <Input.TextArea rows={2} maxLength={500} data-testid="evidence-correction-reason" />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
      {progress ? (
        <div style={{ marginBottom: 12 }} data-testid="evidence-progress">
          <Progress percent={percent} size="small" status="active" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {progress.resumed ? '从中断处继续：' : ''}已上传 {formatBytes(progress.sent)} /{' '}
            {formatBytes(progress.total)}
          </Typography.Text>
        </div>
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="evidence-error"
          title="未能上传"
          description={
            error.reasons.length > 1 ? (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {error.reasons.map((r) => (
                  <li key={`${r.code}|${r.field ?? ''}|${r.message}`}>{r.message}</li>
                ))}
              </ol>
            ) : (
              error.message
            )
          }
        />
      ) : null}
      <Flex wrap gap={8}>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={uploading}
          onClick={() => void submit()}
          data-testid="evidence-submit"
        >
          {uploading ? '正在上传' : '上传'}
        </Button>
        {uploading ? (
          <Button
            icon={<PauseOutlined />}
            disabled={false}
            onClick={() => handle.current?.pause()}
            data-testid="evidence-pause"
          >
            暂停
          </Button>
        ) : null}
      </Flex>
    </Form>
  );
}
