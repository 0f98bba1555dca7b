import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Result, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useShowError } from '../hooks.ts';
import type { ImportAnswer, ImportRowError } from '../types.ts';

/** Column names of the import template, for the error table. */
const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  isAuxiliary: '是否执法辅助人员',
  certificateNo: '执法证件编号',
  categories: '执法类别',
  enforcementRegionCode: '执法区域代码',
  issueDate: '发证日期',
  expiryDate: '有效期截止日期',
  isLegalReviewer: '是否法制审核人员',
  phone: '联系电话',
  unitId: '内设机构',
  trainingHours: '培训学时',
};

const fieldLabel = (f: string | null) => (f ? (FIELD_LABELS[f] ?? f) : '—');

const TEMPLATE_URL = '/api/officers/import/template.csv';
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function importedCount(a: ImportAnswer | null | undefined): number | null {
  return typeof a?.imported === 'number' ? a.imported : null;
}

export function ImportPage() {
  const user = useUser();
  const [search] = useSearchParams();
  const showError = useShowError();
  const [agencyId, setAgencyId] = useState<string | undefined>(
    search.get('agencyId') ?? user.agencyId ?? undefined,
  );
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [rows, setRows] = useState<ImportRowError[] | null>(null);
  const [rowsMessage, setRowsMessage] = useState('');
  const [done, setDone] = useState<{ count: number | null; agencyId: string } | null>(null);

  const reset = () => {
    setRows(null);
    setDone(null);
  };

  const submit = async () => {
    if (!agencyId || !file) return;
    reset();
    setUploading(true);
    const form = new FormData();
    form.append('agencyId', agencyId); // before the file, so a streaming parser has it first
    form.append('file', file, file.name);
    try {
      const answer = await api.upload<ImportAnswer>('/api/officers/import', form);
      setDone({ count: importedCount(answer), agencyId });
      setFile(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') {
        setRows(e.rows ?? []);
        setRowsMessage(e.message);
      } else showError(e);
    } finally {
      setUploading(false);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title={done.count === null ? '导入成功' : `导入成功：共导入 ${done.count} 名执法人员`}
        extra={[
          <Link key="list" to={`/officers?agencyId=${seg(done.agencyId)}`}>
            <Button type="primary">查看执法人员</Button>
          </Link>,
          <Button key="again" onClick={reset}>
            继续导入
          </Button>,
        ]}
      />
    );
  }

  return (
    <>
      <PageHeader
        title="批量导入执法人员"
        extra={
          <a href={TEMPLATE_URL} download="执法人员导入模板.csv" data-testid="import-template">
            <Button icon={<DownloadOutlined />}>下载导入模板（CSV）</Button>
          </a>
        }
      />
      <Card size="small">
        <Typography.Paragraph type="secondary">
          支持 CSV 或 XLSX 文件，格式见导入模板。导入为整体操作：文件中任何一行有错误，全部不导入。
        </Typography.Paragraph>
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label="导入到执法主体" required>
            <AgencySelect
              value={agencyId}
              onChange={(v) => {
                setAgencyId(v);
                reset();
              }}
              allowClear={false}
              data-testid="import-agency"
            />
          </Form.Item>
          <Form.Item label="文件" required>
            <Upload.Dragger
              accept={ACCEPT}
              maxCount={1}
              multiple={false}
              fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(f) => {
                setFile(f);
                reset();
                return false; // upload on 开始导入, with agencyId
              }}
              onRemove={() => {
                setFile(null);
                reset();
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖拽文件到此处</p>
              <p className="ant-upload-hint">CSV 或 XLSX，每行一名执法人员</p>
            </Upload.Dragger>
          </Form.Item>
          <Space>
            <Button
              type="primary"
              onClick={() => void submit()}
              loading={uploading}
              disabled={!agencyId || !file}
              data-testid="import-submit"
            >
              开始导入
            </Button>
          </Space>
        </Form>
      </Card>
      {rows ? (
        <Card size="small" style={{ marginTop: 16 }} data-testid="import-errors">
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`导入失败：文件中有 ${rows.length} 处错误，未导入任何数据`}
            description={`${rowsMessage ? `${rowsMessage.replace(/。$/, '')}。` : ''}请按下表修改文件后重新上传。修正全部错误之前，任何一行都不会导入。`}
          />
          <Table<ImportRowError & { key: number }>
            size="small"
            dataSource={rows.map((r, i) => ({ ...r, key: i }))}
            scroll={{ x: 'max-content' }}
            pagination={rows.length > 50 ? { pageSize: 50, showTotal: (t) => `共 ${t} 处错误` } : false}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '字段', dataIndex: 'field', render: fieldLabel },
              { title: '错误', dataIndex: 'message' },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
