import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { maybeSeedDemo } from './demo/seed.ts';
import { recordsDeps } from './modules/records/deps.ts';
import { ensureBundledCalendar } from './platform/calendar/service.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { openDatabase } from './platform/db/index.ts';
import { ledgerDeps, startLedgerJobs, stopLedgerJobs } from './platform/ledger/index.ts';

// process entry: config → database (+ migrations) → demo data → app → listen
async function main() {
  const started = performance.now();
  const config = loadConfig();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`明镜无法启动：${err.message}`);
      process.exit(3);
    }
    throw err;
  }
  await ensureBundledCalendar(database.db);
  // What puts interrupted by a crash left in the evidence store's temporary area (a day old: no upload
  // still running can be that old).
  const { blobs } = recordsDeps({ config });
  await blobs.sweepTemporary(new Date(Date.now() - 24 * 3_600_000));
  const seeded = await maybeSeedDemo(database, config);
  const app = await createApp(config, database);
  await app.listen({ port: config.port, host: config.host });
  // Signs a tree head at least every minute while the ledger grows (one process does it, under a lock).
  const ledgerJobs = startLedgerJobs(database, ledgerDeps({ config }), { log: app.log });
  const where = database.kind === 'pglite' ? `嵌入式 PGlite（${config.dataDir}）` : 'PostgreSQL';
  console.log(`\n明镜已启动（${Math.round(performance.now() - started)} ms），数据库：${where}`);
  console.log(`  公示门户   ${config.publicBaseUrl}/`);
  console.log(`  管理端     ${config.publicBaseUrl}/console/`);
  console.log(`  接口文档   ${config.publicBaseUrl}/api/docs`);
  if (seeded) {
    console.log('\n演示数据已生成。演示账号（仅用于演示，请勿用于真实数据）：');
    for (const a of seeded.accounts)
      console.log(`  ${a.username.padEnd(16)} ${a.roleLabel}  ${a.description}`);
    console.log(
      `  密码：${seeded.password}${seeded.generated ? '（随机生成；可用 MINGJING_DEMO_PASSWORD 指定）' : ''}\n`,
    );
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await stopLedgerJobs(ledgerJobs);
    await blobs.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
