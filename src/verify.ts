// `mingjing verify`: the platform-wide tamper check, composed here as main.ts composes the app — the
// ledger's own check (platform/ledger/verify.ts) plus every module's record checks.
import { parseArgs } from 'node:util';
import { casesRecordChecks } from './modules/cases/verify.ts';
import { recordsRecordChecks } from './modules/records/verify.ts';
import type { BlobStore } from './platform/blobs/index.ts';
import type { Db } from './platform/db/index.ts';
import {
  type Discrepancy,
  type DiscrepancyKind,
  type RecordCheck,
  type VerifyOptions,
  type VerifyReport,
  verifyLedger,
} from './platform/ledger/verify.ts';

export type { Discrepancy, DiscrepancyKind, RecordCheck, VerifyReport };

/** Every module's record checks. The evidence check re-hashes files in the configured evidence store. */
export function recordChecks(blobs: BlobStore): RecordCheck[] {
  return [...casesRecordChecks(), ...recordsRecordChecks(blobs)];
}

/** The whole check: the ledger, then every row and file it logs. `extraChecks` come after the modules' own. */
export async function verifyAll(
  db: Db,
  options: Omit<VerifyOptions, 'checks'> & { blobs: BlobStore; extraChecks?: readonly RecordCheck[] },
): Promise<VerifyReport> {
  const { extraChecks = [], blobs, ...rest } = options;
  return verifyLedger(db, { ...rest, checks: [...recordChecks(blobs), ...extraChecks] });
}

export const DISCREPANCY_LABELS: Record<DiscrepancyKind, string> = {
  missing_file: '文件缺失',
  altered_file: '文件被改动',
  altered_row: '记录被改动',
  deleted_row: '记录被删除',
  unlogged_row: '记录未入账本',
  altered_entry: '账本条目被改动',
  missing_entry: '账本条目缺失',
  extra_entry: '账本条目超出账本大小',
  altered_node: '账本树节点被改动',
  missing_node: '账本树节点缺失',
  extra_node: '账本树节点超出账本大小',
  forked_head: '树头分叉（历史被改写）',
  bad_signature: '树头签名无效',
  unknown_key: '树头签名密钥不明',
  head_out_of_order: '树头时间倒序',
};

/** One line per discrepancy: what, where, and the detail. */
export function formatDiscrepancy(d: Discrepancy): string {
  return `✗ ${DISCREPANCY_LABELS[d.kind] ?? d.kind}（${d.kind}）：${d.detail}`;
}

const n = (x: number) => x.toLocaleString('zh-CN');

/** The closing summary, in Chinese. */
export function formatSummary(r: VerifyReport): string[] {
  const lines = [
    `核对完成，用时 ${(r.durationMs / 1000).toFixed(1)} 秒。`,
    `  账本：${n(r.entriesChecked)} 个条目（账本大小 ${n(r.treeSize)}，${(r.hashAlgorithm ?? 'sm3').toUpperCase()}），${n(r.nodesChecked)} 个树节点，${n(r.headsChecked)} 个签名树头`,
    `  记录：${n(r.recordsChecked)} 条；文件：${n(r.filesChecked)} 个`,
  ];
  for (const [kind, k] of Object.entries(r.byKind).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `    ${kind}：${n(k.entries)} 个条目，${k.checkedBy.length > 0 ? `核对了${k.checkedBy.join('、')}` : '该种类尚无记录核对，只核对了账本'}`,
    );
  }
  if (r.appendedDuringCheck.entries > 0 || r.appendedDuringCheck.heads > 0) {
    lines.push(
      `  核对期间新增 ${n(r.appendedDuringCheck.entries)} 个条目、${n(r.appendedDuringCheck.heads)} 个树头，未纳入本次核对`,
    );
  }
  lines.push(
    r.ok
      ? '未发现不一致：全部记录与账本相符。'
      : `发现 ${n(r.discrepancyCount)} 处不一致${r.discrepancies.length < r.discrepancyCount ? `（报告中列出前 ${n(r.discrepancies.length)} 处）` : ''}。`,
  );
  return lines;
}

export interface VerifyCommandIo {
  out: (line: string) => void;
  /** Progress goes here (stderr), so stdout holds only the findings and the summary. */
  progress: (line: string) => void;
}

/**
 * `mingjing verify [--json]`: prints each discrepancy as it is found, progress and a summary (or, with
 * --json, the report as JSON). Returns the exit status: 1 if anything was found, 0 otherwise.
 */
export async function verifyCommand(
  db: Db,
  blobs: BlobStore,
  args: string[],
  io: VerifyCommandIo = {
    out: (line) => console.log(line),
    progress: (line) => process.stderr.write(`${line}\n`),
  },
  extraChecks: readonly RecordCheck[] = [],
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    strict: true,
  });
  const json = values.json ?? false;
  let lastProgress = 0;
  if (!json) io.progress('正在核对账本与全部记录……');
  const report = await verifyAll(db, {
    blobs,
    extraChecks,
    // With --json the report printed at the end is the only output: it keeps (nearly) every finding.
    maxListed: json ? 100_000 : 1000,
    onDiscrepancy: json ? undefined : (d) => io.out(formatDiscrepancy(d)),
    onProgress: json
      ? undefined
      : (p) => {
          const now = Date.now();
          if (now - lastProgress < 2000 && p.entriesChecked < p.treeSize) return;
          lastProgress = now;
          io.progress(`  已核对 ${n(p.entriesChecked)} / ${n(p.treeSize)} 个账本条目`);
        },
  });
  if (json) io.out(JSON.stringify(report, null, 2));
  else for (const line of formatSummary(report)) io.out(line);
  return report.ok ? 0 : 1;
}
