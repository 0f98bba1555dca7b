import type { SignedTreeHead } from '../../../platform/ledger/index.ts';
import { Layout } from './layout.tsx';

const shanghai = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date(iso));

/** `sm2-sm3` → `SM2-SM3`, `sm3` → `SM3`: algorithm names as standards write them. */
const algorithmName = (id: string) => id.toUpperCase();

const LEDGER_API = [
  ['/api/ledger/sth', '最新的账本签名'],
  ['/api/ledger/entries', '账本条目'],
  ['/api/ledger/proof/inclusion', '某条记录在账本中的证明'],
  ['/api/ledger/proof/consistency', '前后两次签名之间账本未被改写的证明'],
  ['/api/ledger/receipt', '存证回执'],
] as const;

/**
 * The public ledger (R6) for a citizen: what it is for and how to check a document, in plain words;
 * the signed tree heads and the technical terms for those who check by hand, folded away.
 */
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
    <Layout title="存证账本">
      <div className="card">
        <h1>存证账本</h1>
        <p>
          执法机关在本平台办理的每一个执法环节、签发的每一份执法文书、上传的每一份证据（照片、录音录像等），平台都会算出它的“数字指纹”，按先后顺序登记在这本公开的账本里。账本只能往后添加，已经登记的内容不能修改，也不能删除。
        </p>
        <p>
          <strong>它的用处：</strong>
          事后任何人都可以核对一份执法记录在登记之后有没有被改动或删除。平台定期为账本的当前状态签名并公开；只要有一条记录被人改动，核对时就对不上。
        </p>
        <dl>
          <dt>已登记的记录</dt>
          <dd data-testid="ledger-size">{latest.treeSize} 条</dd>
          <dt>最近一次签名</dt>
          <dd>{shanghai(latest.timestamp)}（北京时间）</dd>
        </dl>
      </div>
      <div className="card">
        <h2>怎样核对您手中的文书或证据</h2>
        <ol className="steps">
          <li>
            用手机扫描执法文书上的二维码，打开文书核验页：可以看到文书是否由执法机关签发、内容是否被改动过。在该页还可以下载这份文书的“存证回执”。
          </li>
          <li>
            打开<a href="/verify">回执核验</a>
            页面，上传存证回执；同时上传文书的 PDF
            或证据文件（如执法记录仪视频），平台会逐项告诉您：回执是不是本平台出具的、记录是否确实登记在账本中、文件是否就是登记时的那一份。
          </li>
          <li>存证回执也可以不经本平台自行核对：律师、法院或技术人员可按公开的方法离线验证。</li>
        </ol>
      </div>
      <div className="card">
        <h2>技术说明</h2>
        <details>
          <summary>账本的技术细节（供技术人员核对）</summary>
          <p>
            账本是只能追加的默克尔树（Merkle tree），结构符合 RFC 9162（证书透明度 2.0）；每条记录的摘要算法为{' '}
            {algorithmName(latest.hashAlgorithm)}，平台用 SM2 密钥（{algorithmName(latest.signatureAlgorithm)}
            ，GB/T
            32918）签署树头（账本大小、根哈希和时间）。包含证明说明某条记录在账本中，一致性证明说明后来的账本只是在原有基础上追加。
          </p>
          <dl>
            <dt>记录数（树大小）</dt>
            <dd>{latest.treeSize}</dd>
            <dt>根哈希（{algorithmName(latest.hashAlgorithm)}）</dt>
            <dd className="hash">{latest.rootHash}</dd>
            <dt>签名时间</dt>
            <dd>{shanghai(latest.timestamp)}</dd>
            <dt>签名算法</dt>
            <dd>{algorithmName(latest.signatureAlgorithm)}</dd>
            <dt>平台公钥</dt>
            <dd className="hash">{latest.publicKey}</dd>
          </dl>
          <p>
            公开接口（无需登录，说明见<a href="/open-api">开放数据接口</a>）：
          </p>
          <ul>
            {LEDGER_API.map(([path, label]) => (
              <li key={path}>
                {label}：<code>{path}</code>
              </li>
            ))}
          </ul>
        </details>
        <details>
          <summary>
            历次签名记录（共 {total} 次，显示最近 {heads.length} 次）
          </summary>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">记录数</th>
                <th scope="col">签名时间</th>
                <th scope="col">根哈希</th>
              </tr>
            </thead>
            <tbody>
              {heads.map((h) => (
                <tr key={h.treeSize}>
                  <td data-label="记录数">{h.treeSize}</td>
                  <td data-label="签名时间">{shanghai(h.timestamp)}</td>
                  <td data-label="根哈希" className="hash">
                    {h.rootHash}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
    </Layout>
  );
}
