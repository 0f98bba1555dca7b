import { Alert, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, seg } from '../../api.ts';
import { formatInstant } from '../../caseFormat.ts';
import type { CaseList } from '../../caseTypes.ts';
import { useAsync } from '../../hooks.ts';

/**
 * 普通程序 is opened by filing a lead (行政处罚法 art. 54: 立案 approved by the agency head), so the
 * page lists the registered leads to file instead of a form.
 */
export function LeadPicker() {
  const { data, loading } = useAsync(
    (signal) =>
      api.get<CaseList>('/api/cases', { procedure: 'lead', state: 'registered', pageSize: 50 }, signal),
    'leads',
  );
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="普通程序案件由案源立案产生"
        description="请先登记案源；机关负责人在案源详情中办理「立案」，指定两名以上承办执法人员并登记当事人后，即开始普通程序。"
      />
      <Typography.Text strong>待立案的案源</Typography.Text>
      <List
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '没有待立案的案源' }}
        renderItem={(c) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Link to={`/cases/${seg(c.id)}`}>{c.title}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatInstant(c.updatedAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}
