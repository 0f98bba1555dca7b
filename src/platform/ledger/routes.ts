import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import type { App, AppDeps } from '../http/types.ts';
import {
  ConsistencyProofAnswer,
  InclusionProofAnswer,
  LedgerEntries,
  ReceiptAnswer,
  SignedTreeHeadAnswer,
  TreeHeadPage,
} from './contract.ts';
import type { LedgerDeps } from './service.ts';
import * as ledger from './service.ts';

const PUBLIC = { access: { public: true } } as const;
const tags = ['账本'];

const Index = (title: string, description?: string) =>
  Type.Integer({
    title,
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    ...(description ? { description } : {}),
  });
const ReceiptQuery = {
  download: Type.Integer({
    title: '下载',
    description: '1：以附件 receipt-<index>.json 下载',
    minimum: 0,
    maximum: 1,
    default: 0,
  }),
};
const RECEIPT_DESCRIPTION =
  '存证回执（mingjing-receipt/1）：条目、叶哈希、包含证明和所依据的当前签名树头，可离线核验：' +
  'mingjing verify-receipt --receipt 回执.json [--file 文件]，或按 docs/receipts.md 用 OpenSSL 手工核验。';

const STH_DESCRIPTION =
  '签名内容为 RFC 8785 规范化 JSON {"rootHash","timestamp","treeSize"} 的 UTF-8 字节。' +
  '叶哈希 H(0x00||条目的 RFC 8785 JSON)，节点哈希 H(0x01||左||右)（RFC 9162 §2.1）。';

/** The public ledger API (RFC 9162-style, JSON): no login, no personal data — ids and hashes only. */
export function ledgerRoutes(app: App, appDeps: AppDeps, deps: LedgerDeps) {
  const db = appDeps.database.db;

  app.get(
    '/api/ledger/sth',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '最新的签名树头（账本增长后即时签名）',
        description: STH_DESCRIPTION,
        response: { 200: SignedTreeHeadAnswer },
      },
    },
    async () => ledger.currentTreeHead(db, deps),
  );

  app.get(
    '/api/ledger/sth/history',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '全部签名树头（新的在前）',
        description: STH_DESCRIPTION,
        querystring: Type.Object(
          {
            page: Type.Integer({ title: '页码', minimum: 1, default: 1 }),
            pageSize: Type.Integer({ title: '每页条数', minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: TreeHeadPage },
      },
    },
    async (req) => ledger.listTreeHeads(db, req.query.page, req.query.pageSize),
  );

  app.get(
    '/api/ledger/entries',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: `账本条目 start 至 end（含两端；每次至多 ${ledger.MAX_ENTRIES_PAGE} 条）`,
        description: 'end 超出账本或页长时返回较少条目。条目只含编号、哈希、时间和代码，不含个人信息。',
        querystring: Type.Object(
          { start: Index('起始序号'), end: Index('截止序号') },
          { additionalProperties: false },
        ),
        response: { 200: LedgerEntries },
      },
    },
    async (req) => ledger.getEntries(db, req.query.start, req.query.end),
  );

  app.get(
    '/api/ledger/proof/inclusion',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '包含证明（RFC 9162 §2.1.3）：第 index 条在大小为 treeSize 的树中',
        querystring: Type.Object(
          { index: Index('叶序号', '从 0 起'), treeSize: Index('树大小', '1 至当前条目数') },
          { additionalProperties: false },
        ),
        response: { 200: InclusionProofAnswer },
      },
    },
    async (req) => ledger.inclusionProof(db, req.query.index, req.query.treeSize),
  );

  app.get(
    '/api/ledger/proof/consistency',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '一致性证明（RFC 9162 §2.1.4）：大小为 first 的树是大小为 second 的树的前缀',
        querystring: Type.Object(
          {
            first: Index('较早的树大小', '1 至 second'),
            second: Index('较新的树大小', '1 至当前条目数'),
          },
          { additionalProperties: false },
        ),
        response: { 200: ConsistencyProofAnswer },
      },
    },
    async (req) => ledger.consistencyProof(db, req.query.first, req.query.second),
  );

  app.get(
    '/api/ledger/records/:recordId',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '某条记录（文书版本、证据文件、案件事件）在账本中的条目',
        params: Type.Object({ recordId: Type.String({ title: '记录编号', minLength: 1, maxLength: 64 }) }),
        response: { 200: LedgerEntries },
      },
    },
    async (req) => ({ entries: await ledger.findEntriesForRecord(db, req.params.recordId) }),
  );

  /** ?download=1 makes a receipt a file to keep (what the portal links to). */
  const asDownload = (reply: FastifyReply, download: number, index: number) => {
    if (download === 1) {
      reply.header('content-disposition', `attachment; filename=receipt-${index}.json`);
    }
  };

  app.get(
    '/api/ledger/receipt',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '第 index 条的存证回执（依据当前签名树头）',
        description: RECEIPT_DESCRIPTION,
        querystring: Type.Object(
          { index: Index('条目序号', '从 0 起'), ...ReceiptQuery },
          { additionalProperties: false },
        ),
        response: { 200: ReceiptAnswer },
      },
    },
    async (req, reply) => {
      const receipt = await ledger.receiptForIndex(db, deps, req.query.index);
      asDownload(reply, req.query.download, receipt.index);
      return receipt;
    },
  );

  app.get(
    '/api/ledger/records/:recordId/receipt',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '某条记录最新条目（或其第 index 条）的存证回执（依据当前签名树头）',
        description: RECEIPT_DESCRIPTION,
        params: Type.Object({ recordId: Type.String({ title: '记录编号', minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object(
          { index: Type.Optional(Index('条目序号', '该记录的某一条目；缺省为最新条目')), ...ReceiptQuery },
          { additionalProperties: false },
        ),
        response: { 200: ReceiptAnswer },
      },
    },
    async (req, reply) => {
      const receipt = await ledger.receiptForRecord(db, deps, req.params.recordId, req.query.index);
      asDownload(reply, req.query.download, receipt.index);
      return receipt;
    },
  );
}
