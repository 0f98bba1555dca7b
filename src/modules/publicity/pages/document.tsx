import { Layout } from './layout.tsx';

export interface DocumentCheck {
  title: string;
  number: string | null;
  agency: string;
  issuedAt: string;
  contentHash: string;
  signatureAlgorithm: string;
  publicKey: string | null;
  unaltered: boolean;
  signatureValid: boolean;
}

const shanghai = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));

/** The page every document's QR code opens: authentic and unaltered, or not — and no personal data. */
export function DocumentVerifyPage({ doc, receiptUrl }: { doc: DocumentCheck; receiptUrl?: string | null }) {
  const ok = doc.unaltered && doc.signatureValid;
  return (
    <Layout title={`文书核验 ${doc.number ?? doc.title}`}>
      <div className="card">
        <h1>执法文书核验</h1>
        <div className={`verdict ${ok ? 'ok' : 'bad'}`} data-testid="document-verdict">
          {ok ? '✔ 文书真实有效，内容未被篡改' : '✘ 文书核验未通过：内容与签发时不一致或签章无效'}
        </div>
        <dl>
          <dt>文书</dt>
          <dd>{doc.title}</dd>
          <dt>文号</dt>
          <dd>{doc.number ?? '—'}</dd>
          <dt>制作机关</dt>
          <dd>{doc.agency}</dd>
          <dt>签发时间</dt>
          <dd>{shanghai(doc.issuedAt)}</dd>
          <dt>内容摘要（SM3）</dt>
          <dd className="hash">{doc.contentHash}</dd>
          <dt>电子签章</dt>
          <dd>
            {doc.signatureAlgorithm}：{doc.signatureValid ? '签章有效' : '签章无效'}
          </dd>
          <dt>签章公钥</dt>
          <dd className="hash muted">{doc.publicKey ?? '—'}</dd>
        </dl>
        <p className="muted">
          核验依据：平台按签发时的结构化内容重新计算摘要，并用制作机关的 SM2
          公钥验证电子签章。为保护个人信息，本页不显示文书正文。
        </p>
        {receiptUrl ? (
          <p>
            <a href={receiptUrl} data-testid="document-receipt">
              下载存证回执
            </a>
            <span className="muted">
              ：证明该文书已登记在平台的存证账本中，可离线核验（<a href="/verify">回执核验</a>）。
            </span>
          </p>
        ) : null}
      </div>
    </Layout>
  );
}
