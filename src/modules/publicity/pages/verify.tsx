import type { PublicEntry, ReceiptCheck } from '../../../platform/ledger/index.ts';
import { Layout } from './layout.tsx';

const shanghai = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'long',
    timeStyle: 'medium',
  }).format(new Date(iso));

/** What each kind of ledger entry records, for people. */
const KIND_LABELS: Record<string, string> = {
  'case.event': '执法环节',
  'document.version': '执法文书',
  'attachment.record': '附件登记',
  'evidence.file': '证据文件',
};

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${bytes} 字节`;

export interface VerifyFileResult {
  name: string;
  size: number;
  /** SM3 of the uploaded bytes, hex. */
  sm3: string;
  /** Ledger entries whose contentHash equals sm3, oldest first. */
  matches: PublicEntry[];
  /**
   * A PDF that names a document's content hash: whether it is that document's PDF as the platform
   * renders it (`entry`: the document's ledger entry), or null when the file names no document.
   */
  documentPdf: { found: boolean; entry: PublicEntry | null } | null;
}

export interface VerifyResult {
  /** The receipt's checks (offline and against the platform's heads), or null without a receipt. */
  checks: ReceiptCheck[] | null;
  receiptName: string | null;
  file: VerifyFileResult | null;
}

const receiptHref = (index: number) => `/api/ledger/receipt?index=${index}&download=1`;

/**
 * /verify (R6, F2): anyone uploads a receipt and/or a file and sees, check by check, whether it is what
 * the ledger holds. Works without JavaScript: a plain multipart form posted back to the same page.
 */
export function VerifyPage({
  result,
  error,
  maxFileLabel,
}: {
  result?: VerifyResult | undefined;
  error?: string | undefined;
  maxFileLabel: string;
}) {
  return (
    <Layout title="存证回执核验">
      <div className="card">
        <h1>存证回执核验</h1>
        <p>
          {'平台登记的每一个执法环节、每一份文书和每一项证据，都可以下载一份「存证回执」。' +
            '上传回执，可以核对它是否由本平台签署、所证明的记录是否确在账本中、此后账本有没有被删改；' +
            '同时上传原始文件（如执法记录仪视频、照片），可以核对文件是否就是当时登记的那一份。' +
            '只上传文件，可以查询该文件是否在账本中登记过。'}
        </p>
        <form className="upload" method="post" action="/verify" encType="multipart/form-data">
          <label>
            存证回执（JSON 文件，可选）
            <input type="file" name="receipt" accept=".json,application/json" />
          </label>
          <label>
            要核对的文件（可选，最大 {maxFileLabel}）
            <input type="file" name="file" />
          </label>
          <button type="submit">核验</button>
        </form>
        <p className="muted">
          {'文件只用于在服务器上计算 SM3 摘要，不会被保存。也可以不经本平台离线核验：命令行 '}
          <code>mingjing verify-receipt --receipt 回执.json --file 文件</code>
          {'，或按公开的方法用 OpenSSL 手工核验；平台公钥见'}
          <a href="/ledger">存证账本</a>。
        </p>
      </div>
      {error ? (
        <div className="card">
          <div className="verdict bad" data-testid="verify-error">
            {error}
          </div>
        </div>
      ) : null}
      {result?.checks ? <ReceiptResult checks={result.checks} name={result.receiptName} /> : null}
      {result?.file ? <FileResult file={result.file} /> : null}
    </Layout>
  );
}

function ReceiptResult({ checks, name }: { checks: ReceiptCheck[]; name: string | null }) {
  const ok = checks.length > 0 && checks.every((c) => c.ok);
  return (
    <div className="card">
      <h2>回执核验结果{name ? `：${name}` : ''}</h2>
      <div className={`verdict ${ok ? 'ok' : 'bad'}`} data-testid="receipt-verdict">
        {ok ? '✔ 回执真实有效：记录已登记在平台账本中，且未被删改' : '✘ 回执核验未通过'}
      </div>
      <ul className="checks">
        {checks.map((c) => (
          <li key={c.name} data-check={c.name} data-ok={c.ok ? '1' : '0'}>
            <span className={`tag ${c.ok ? 'ok' : 'bad'}`}>
              {c.ok ? '✔' : '✘'} {c.label}
            </span>
            {c.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function FileResult({ file }: { file: VerifyFileResult }) {
  return (
    <div className="card">
      <h2>文件：{file.name || '（未命名）'}</h2>
      <dl>
        <dt>大小</dt>
        <dd>{sizeLabel(file.size)}</dd>
        <dt>SM3 摘要</dt>
        <dd className="hash" data-testid="file-sm3">
          {file.sm3}
        </dd>
      </dl>
      {file.documentPdf?.found && file.documentPdf.entry ? (
        <ul className="checks" data-testid="file-document">
          <li>
            <span className="tag ok">✔ 执法文书</span>
            该文件正是账本第{file.documentPdf.entry.index}条登记的执法文书（
            {shanghai(file.documentPdf.entry.entry.at)}登记）的 PDF：与平台按登记内容生成的 PDF
            完全一致，内容未被改动。 <a href={receiptHref(file.documentPdf.entry.index)}>下载存证回执</a>
          </li>
        </ul>
      ) : file.documentPdf ? (
        <p className="verdict bad" style={{ fontSize: 16 }} data-testid="file-verdict">
          该 PDF 标注为本平台的执法文书，但与平台按登记内容生成的 PDF
          不一致：文件可能被改动过。请扫描文书上的二维码核验文书内容，或向制作机关核实。
        </p>
      ) : file.matches.length === 0 ? (
        <p className="verdict warn" style={{ fontSize: 16 }} data-testid="file-verdict">
          账本中没有与该文件摘要相同的登记。文件可能未登记，或与登记时不同（被改动、转码、压缩或截取）。
        </p>
      ) : (
        <ul className="checks" data-testid="file-matches">
          {file.matches.map((m) => (
            <li key={m.index}>
              <span className="tag ok">✔ {KIND_LABELS[m.entry.kind] ?? m.entry.kind}</span>
              该文件已于{shanghai(m.entry.at)}登记在账本第{m.index}条。{' '}
              <a href={receiptHref(m.index)}>下载存证回执</a>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">账本条目的序号从 0 起计；回执可离线核验，无需联网。</p>
    </div>
  );
}
