import Type from 'typebox';
import { FileAnswer } from '../../platform/http/contract.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import { formatYuan } from '../../platform/identifiers/money.ts';
import { OpenDataDecisions } from './contract.ts';
import { render } from './pages/layout.tsx';
import { OpenDataPage } from './pages/open-data.tsx';
import { allShownDecisions, openDataDecisions, recentDecisionChanges } from './public-decisions.ts';
import { WITHDRAWAL_REASON_LABELS, type WithdrawalReason } from './rules/publication.ts';
import {
  csvLine,
  SHUANGGONGSHI_FORMAT_VERSION,
  XZCF_COLUMNS,
  XZXK_COLUMNS,
  xzcfRow,
} from './rules/shuanggongshi.ts';

// Open data (P14, X1): every published decision as JSON and CSV, the 双公示 exchange files credit platforms
// ingest, and an Atom feed of new and withdrawn decisions. All read only what was published.

const PUBLIC = { access: { public: true } } as const;
const tags = ['开放数据'];

const PageQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);

const DECISION_CSV_COLUMNS = [
  '编号',
  '执法机关',
  '执法类别',
  '执法事项',
  '执法对象',
  '对象类别',
  '统一社会信用代码',
  '决定书文号',
  '违法行为类型',
  '主要事实',
  '执法依据',
  '执法结论',
  '罚款金额（元）',
  '没收金额（元）',
  '决定日期',
  '公开日期',
  '公示截止日期',
];

const yuan = (fen: number | null) => (fen ? formatYuan(fen).replace(/元$/, '').replaceAll(',', '') : '');

function csvReply(reply: import('fastify').FastifyReply, name: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'public, max-age=300')
    .send(body);
}

const xmlEscape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function openDataRoutes(app: App, { database, config }: AppDeps) {
  const db = database.db;

  app.get('/open-data', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(render(OpenDataPage({ formatVersion: SHUANGGONGSHI_FORMAT_VERSION }))),
  );

  app.get(
    '/open-data/decisions.json',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '公开中的执法决定（JSON，分页，按决定日期由新到旧）',
        querystring: PageQuery,
        response: { 200: OpenDataDecisions },
      },
    },
    async (req) => openDataDecisions(db, req.query.page ?? 1, req.query.pageSize ?? 100),
  );

  app.get(
    '/open-data/decisions.csv',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '公开中的执法决定（CSV，UTF-8，首行为字段名）',
        response: { 200: FileAnswer('text/csv', 'CSV') },
      },
    },
    async (_req, reply) => {
      const lines = [csvLine(DECISION_CSV_COLUMNS)];
      for await (const r of allShownDecisions(db)) {
        const n = r.notice;
        if (!n) continue;
        lines.push(
          csvLine([
            r.id,
            n.agencyName,
            n.categoryLabel,
            n.itemName,
            n.partyName,
            n.partyCategory,
            n.partyCode ?? '',
            n.documentNumber ?? '',
            n.caseCause,
            n.facts,
            n.legalBasis,
            n.content,
            yuan(n.fineFen),
            yuan(n.confiscatedFen),
            n.decidedOn,
            r.publishedOn ?? '',
            r.periodUntil ?? '',
          ]),
        );
      }
      return csvReply(reply, 'decisions.csv', `${lines.join('\r\n')}\r\n`);
    },
  );

  app.get(
    '/open-data/shuanggongshi/xzcf.csv',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: `双公示 行政处罚信息（CSV，格式版本 ${SHUANGGONGSHI_FORMAT_VERSION}，金额单位万元）`,
        response: { 200: FileAnswer('text/csv', 'CSV') },
      },
    },
    async (_req, reply) => {
      const lines = [csvLine(XZCF_COLUMNS)];
      for await (const r of allShownDecisions(db)) {
        if (r.category !== 'penalty' || !r.notice) continue;
        const row = xzcfRow(r.notice, r.periodUntil);
        lines.push(csvLine(XZCF_COLUMNS.map((c) => row[c])));
      }
      return csvReply(
        reply.header('x-format-version', SHUANGGONGSHI_FORMAT_VERSION),
        'xzcf.csv',
        `${lines.join('\r\n')}\r\n`,
      );
    },
  );

  // Licensing decisions are not handled on the platform yet, nor imported: the file carries the format's
  // header so that consumers can be set up; its rows come with the licensing import.
  app.get(
    '/open-data/shuanggongshi/xzxk.csv',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: `双公示 行政许可信息（CSV，格式版本 ${SHUANGGONGSHI_FORMAT_VERSION}）`,
        response: { 200: FileAnswer('text/csv', 'CSV') },
      },
    },
    async (_req, reply) =>
      csvReply(
        reply.header('x-format-version', SHUANGGONGSHI_FORMAT_VERSION),
        'xzxk.csv',
        `${csvLine(XZXK_COLUMNS)}\r\n`,
      ),
  );

  app.get(
    '/feeds/decisions.atom',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '执法决定公开与撤下的订阅源（Atom）',
        response: { 200: FileAnswer('application/atom+xml', 'Atom') },
      },
    },
    async (_req, reply) => {
      const base = config.publicBaseUrl;
      const rows = await recentDecisionChanges(db, 50);
      const updated =
        rows[0]?.withdrawnAt ?? rows[0]?.publishedAt ?? new Date(`${todayInShanghai()}T00:00:00+08:00`);
      const entries = rows.map((r) => {
        const withdrawn = r.status === 'withdrawn';
        const at = (withdrawn ? r.withdrawnAt : r.publishedAt) ?? new Date(`${r.decidedOn}T00:00:00+08:00`);
        const n = r.notice;
        const title = withdrawn
          ? `【撤下】${n?.agencyName ?? ''} ${r.documentNumber ?? ''}`
          : `${n?.agencyName ?? ''}：${n?.caseCause ?? ''}`;
        const summary = withdrawn
          ? `${WITHDRAWAL_REASON_LABELS[r.withdrawalReason as WithdrawalReason] ?? ''}。${r.withdrawalNote ?? ''}`
          : `执法对象：${r.partyName ?? ''}；${n?.content ?? ''}`;
        return `<entry><id>urn:uuid:${r.id}${withdrawn ? ':withdrawn' : ''}</id><title>${xmlEscape(title)}</title><updated>${at.toISOString()}</updated><link href="${xmlEscape(`${base}/decisions/${r.id}`)}"/><summary>${xmlEscape(summary)}</summary></entry>`;
      });
      const xml = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${xmlEscape(`${base}/feeds/decisions.atom`)}</id><title>执法决定公开</title><updated>${updated.toISOString()}</updated><link rel="self" href="${xmlEscape(`${base}/feeds/decisions.atom`)}"/><link href="${xmlEscape(`${base}/decisions`)}"/>${entries.join('')}</feed>\n`;
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );
}
