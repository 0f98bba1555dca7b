import type { SignedTreeHead } from '../../../platform/ledger/index.ts';
import { Layout } from './layout.tsx';

const shanghai = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date(iso));

/** The signed tree heads, published (R6): anyone can hold the platform to every record it logged. */
export function LedgerPage({
  latest,
  heads,
  total,
}: {
  latest: SignedTreeHead;
  heads: SignedTreeHead[];
  total: number;
}) {
  return (
    <Layout title="执法记录存证账本">
      <div className="card">
        <h1>执法记录存证账本</h1>
        <p>
          平台把每一个执法环节、每一份文书和每一项音像记录的摘要依次写入只能追加的默克尔树账本（RFC
          9162），并定期用平台的 SM2
          密钥签署树头。任何人都可以用下面的公开接口取得记录的包含证明和树头之间的一致性证明，核对记录没有被删除或篡改。
        </p>
        <dl>
          <dt>记录数</dt>
          <dd data-testid="ledger-size">{latest.treeSize}</dd>
          <dt>根哈希（{latest.hashAlgorithm}）</dt>
          <dd style={{ wordBreak: 'break-all' }}>{latest.rootHash}</dd>
          <dt>签署时间</dt>
          <dd>{shanghai(latest.timestamp)}</dd>
          <dt>签名算法</dt>
          <dd>{latest.signatureAlgorithm}</dd>
          <dt>平台公钥</dt>
          <dd style={{ wordBreak: 'break-all' }} className="muted">
            {latest.publicKey}
          </dd>
        </dl>
        <p>
          持有存证回执或原始文件？<a href="/verify">上传核验</a>
          ：核对回执是否由本平台签署、记录是否在账本中、文件是否与登记时一致。
        </p>
        <p className="muted">
          接口：/api/ledger/sth、/api/ledger/entries、/api/ledger/proof/inclusion、/api/ledger/proof/consistency、/api/ledger/receipt（见
          <a href="/api/docs">接口文档</a>）。
        </p>
      </div>
      <div className="card">
        <h2>
          历次签署的树头（共 {total} 个，显示最近 {heads.length} 个）
        </h2>
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th>记录数</th>
                <th>签署时间</th>
                <th>根哈希</th>
              </tr>
            </thead>
            <tbody>
              {heads.map((h) => (
                <tr key={h.treeSize}>
                  <td>{h.treeSize}</td>
                  <td>{shanghai(h.timestamp)}</td>
                  <td style={{ wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 12 }}>
                    {h.rootHash}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Layout>
  );
}
