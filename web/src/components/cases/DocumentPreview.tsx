import { Alert, Spin, Typography } from 'antd';
import { type CSSProperties, Fragment, useEffect, useState } from 'react';
import { ApiError, request, seg } from '../../api.ts';
import type { DocumentBlock, DocumentPreview as Preview } from '../../caseTypes.ts';
import type { DocumentData } from './DocumentForm.tsx';

// The page as the party will receive it, laid out by the server from what the form holds now (the same
// blocks the PDF is drawn from), and every reason the server would refuse to issue it — so the officer
// sees the document and what is still wrong before anything is numbered or sealed.

export interface PreviewRequest {
  kind: string;
  action?: string;
  payload?: Record<string, unknown>;
  data: DocumentData;
}

/** The preview of `req`, asked again ~400 ms after the form stops changing; the older answer is dropped. */
export function useDocumentPreview(caseId: string, req: PreviewRequest | null) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = req ? JSON.stringify(req) : '';
  useEffect(() => {
    if (!key) {
      setPreview(null);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      request<Preview>(`/api/cases/${seg(caseId)}/documents/preview`, {
        method: 'POST',
        body: JSON.parse(key) as unknown,
        signal: ctl.signal,
      })
        .then((p) => {
          setPreview(p);
          setError(null);
        })
        .catch((e: unknown) => {
          if (ctl.signal.aborted) return;
          setError(e instanceof ApiError ? e.message : '预览生成失败，请稍后再试');
        })
        .finally(() => {
          if (!ctl.signal.aborted) setLoading(false);
        });
    }, 400);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [caseId, key]);
  return { preview, loading, error };
}

const SONG =
  "'SimSun', 'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC', serif";

const paper: CSSProperties = {
  background: '#fff',
  color: '#000',
  fontFamily: SONG,
  fontSize: 15,
  lineHeight: 1.9,
  padding: '28px 30px 36px',
  border: '1px solid #e5e5e5',
  boxShadow: '0 2px 10px rgba(0,0,0,0.08)',
  borderRadius: 2,
  overflowWrap: 'anywhere',
};
const cell: CSSProperties = {
  border: '1px solid #000',
  padding: '4px 8px',
  verticalAlign: 'top',
  whiteSpace: 'pre-wrap',
};

/** The problems (what would stop the issue) above the page; `null` preview: still loading. */
export function DocumentPreviewPane({
  preview,
  loading,
  error,
}: {
  preview: Preview | null;
  loading: boolean;
  error: string | null;
}) {
  const problems = preview?.problems ?? [];
  return (
    <div data-testid="doc-preview-pane">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {preview ? (
        problems.length ? (
          <Alert
            type="warning"
            showIcon
            data-testid="doc-problems"
            style={{ marginBottom: 12 }}
            title={`签发前还须处理 ${problems.length} 项`}
            description={
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={`${p.code}|${p.field ?? ''}|${p.message}`}>{p.message}</li>
                ))}
              </ol>
            }
          />
        ) : (
          <Alert
            type="success"
            showIcon
            data-testid="doc-problems-none"
            style={{ marginBottom: 12 }}
            title="内容完整，与案件记载一致，可以签发"
          />
        )
      ) : null}
      <Spin spinning={loading && !preview} description="正在生成预览">
        <div style={paper} data-testid="doc-preview">
          {preview ? <Page preview={preview} /> : <div style={{ minHeight: 240 }} />}
        </div>
      </Spin>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        预览随填写内容更新{loading && preview ? '（正在更新…）' : ''}
        ；签发时由系统编号、加盖电子印章并生成核验二维码。
      </Typography.Paragraph>
    </div>
  );
}

function Page({ preview }: { preview: Preview }) {
  return (
    <>
      <div style={{ textAlign: 'center', fontSize: 19, fontWeight: 700, letterSpacing: 1 }}>
        {preview.agencyName}
      </div>
      <div style={{ textAlign: 'center', fontSize: 22, fontWeight: 700, letterSpacing: 2, marginBottom: 4 }}>
        {preview.title}
      </div>
      {preview.numbered ? (
        <div style={{ textAlign: 'right', color: '#8c8c8c', marginBottom: 8 }}>〔文号签发时编排〕</div>
      ) : (
        <div style={{ height: 8 }} />
      )}
      {preview.blocks.map((b, i) => (
        // Blocks have no identity of their own; their order is the page's.
        // biome-ignore lint/suspicious/noArrayIndexKey: the page's blocks are positional
        <Block key={i} b={b} />
      ))}
    </>
  );
}

function Block({ b }: { b: DocumentBlock }) {
  switch (b.type) {
    case 'paragraph':
      return (
        <p
          style={{
            margin: '0 0 2px',
            textIndent: b.indent ? '2em' : 0,
            textAlign: b.align,
            whiteSpace: 'pre-wrap',
          }}
        >
          {b.text}
        </p>
      );
    case 'form':
      return (
        <table style={{ width: '100%', borderCollapse: 'collapse', margin: '6px 0' }}>
          <tbody>
            {b.rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              <tr key={i}>
                {r.cells.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <Fragment key={j}>
                    <th style={{ ...cell, width: '5.5em', fontWeight: 400, textAlign: 'center' }}>
                      {c.label}
                    </th>
                    <td style={{ ...cell, height: `${1.9 * r.minLines + 0.6}em` }}>
                      {c.value}
                      {c.sign ? <div style={{ textAlign: 'right', marginTop: 8 }}>{c.sign}</div> : null}
                    </td>
                  </Fragment>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'grid': {
      const total = b.columns.reduce((s, c) => s + c.width, 0) || 1;
      return (
        <div style={{ margin: '6px 0' }}>
          {b.caption ? <p style={{ margin: '0 0 4px' }}>{b.caption}</p> : null}
          <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
            <thead>
              <tr>
                {b.columns.map((c) => (
                  <th
                    key={c.label}
                    style={{
                      ...cell,
                      width: `${(100 * c.width) / total}%`,
                      fontWeight: 400,
                      textAlign: 'center',
                    }}
                  >
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                <tr key={i}>
                  {r.map((v, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    <td key={j} style={cell}>
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'signatures':
      return (
        <div style={{ margin: '10px 0' }}>
          {b.lines.map((l, i) => (
            // A narrow page wraps the date under the line instead of running off the paper.
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
              key={i}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'flex-end',
                columnGap: 6,
                marginTop: 10,
              }}
            >
              <span>{l.label}</span>
              <span style={{ flex: '1 1 80px', borderBottom: '1px solid #000', height: '1.4em' }} />
              {l.date ? (
                <span style={{ whiteSpace: 'nowrap', marginLeft: 'auto' }}>　　年　　月　　日</span>
              ) : null}
            </div>
          ))}
        </div>
      );
    case 'signoff':
      return (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 24 }}>
          <div style={{ textAlign: 'center', paddingRight: '1em' }}>
            <div>{b.agencyName}</div>
            <div>{b.date}</div>
            <div style={{ color: '#bfbfbf', fontSize: 12 }}>（印章）</div>
          </div>
        </div>
      );
  }
}
