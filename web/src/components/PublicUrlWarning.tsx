import { Alert } from 'antd';
import { useAuth } from '../auth.tsx';

/**
 * The server was started without MINGJING_PUBLIC_URL: every QR code (执法证, 文书) encodes this machine's
 * local address, which a citizen's phone cannot open. Said where QR codes are made, until it is set.
 */
export function PublicUrlWarning({ compact = false }: { compact?: boolean }) {
  const { deployment } = useAuth();
  if (!deployment || deployment.publicUrlConfigured) return null;
  const message = `二维码将指向本机地址 ${deployment.publicUrl}`;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="public-url-warning"
      style={{ marginBottom: compact ? 8 : 16 }}
      title={message}
      description={
        compact
          ? '群众扫码无法打开核验页面。请系统管理员设置公示平台的对外地址。'
          : '服务器启动时未设置公示平台的对外地址（环境变量 MINGJING_PUBLIC_URL），执法证件和执法文书上的二维码、核验链接都会指向这台机器的本机地址，群众用手机扫码无法打开。请运维人员设置 MINGJING_PUBLIC_URL（如 https://zhifa.example.gov.cn）后重启服务，再打印证件和文书。'
      }
    />
  );
}
