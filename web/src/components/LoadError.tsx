import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import type { ApiError } from '../api.ts';

/** Full-page answer for a record that could not be loaded (404 out of scope, 403, network). */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const status = error.status === 404 ? '404' : error.status === 403 ? '403' : 'error';
  return (
    <Result
      status={status}
      title={error.status === 404 ? '未找到' : '加载失败'}
      subTitle={error.message}
      extra={[
        onRetry ? (
          <Button key="retry" onClick={onRetry}>
            重试
          </Button>
        ) : null,
        <Link key="home" to="/">
          <Button type="primary">返回首页</Button>
        </Link>,
      ]}
    />
  );
}
