import { Card, Flex, Typography } from 'antd';
import { PublicUrlWarning } from './PublicUrlWarning.tsx';

/** The public verification page and the badge QR code (亮证执法) of a certificate. */
export function PublicBadgeCard({ certificateNo }: { certificateNo: string }) {
  const verifyPath = `/officers/${encodeURIComponent(certificateNo)}`;
  // Shown decoded (皖… rather than %E7%9A%96…); the href stays encoded.
  const verifyUrl = `${window.location.origin}/officers/${certificateNo}`;
  return (
    <Card title="公开核验" size="small">
      <PublicUrlWarning compact />
      <Flex vertical align="center" gap={8}>
        <img
          src={`${verifyPath}/badge.svg`}
          alt={`执法证 ${certificateNo} 核验二维码`}
          width={180}
          height={180}
          data-testid="badge-qr"
          style={{ background: '#fff' }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          扫码或打开下方链接，公众可核验此执法证
        </Typography.Text>
        <a href={verifyPath} data-testid="public-verify-link">
          {verifyUrl}
        </a>
      </Flex>
    </Card>
  );
}
