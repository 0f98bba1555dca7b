import { loadConfig } from './config.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { openDatabase } from './platform/db/index.ts';

// process entry: config → database (+ migrations) → demo data → app → listen
async function main() {
  const started = performance.now();
  // Whenever Node's event loop runs out of handles it blocks until V8's background tasks are done — at
  // start-up, the optimising compile of PGlite's WebAssembly, ~0.6 s. Until the server listens nothing
  // else keeps the loop alive between two database calls, so this timer does.
  const keepAlive = setInterval(() => {}, 60_000);
  const config = loadConfig();
  // The rest of the application loads while PGlite compiles and starts (the two overlap on a second core).
  const modules = Promise.all([
    import('./app.ts'),
    import('./demo/seed.ts'),
    import('./composition.ts'),
    import('./platform/calendar/service.ts'),
    import('./platform/ledger/index.ts'),
  ]);
  // Awaited below; a failed database open exits first, and must not also report this as unhandled.
  modules.catch(() => {});
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
  const [{ createApp }, { maybeSeedDemo }, { composeServices }, { ensureBundledCalendar }, ledger] =
    await modules;
  await ensureBundledCalendar(database.db);
  // The services the app, the seed and the ledger job share (src/composition.ts).
  const services = composeServices(config);
  const { blobs } = services.records;
  // What puts interrupted by a crash left in the evidence store's temporary area (a day old: no upload
  // still running can be that old).
  await blobs.sweepTemporary(new Date(Date.now() - 24 * 3_600_000));
  const seeded = await maybeSeedDemo(database, config);
  const app = await createApp(config, database);
  await app.listen({ port: config.port, host: config.host });
  clearInterval(keepAlive);
  // Signs a tree head at least every minute while the ledger grows (one process does it, under a lock).
  const ledgerJobs = ledger.startLedgerJobs(database, services.ledger, { log: app.log });
  const where = database.kind === 'pglite' ? `嵌入式 PGlite（${config.dataDir}）` : 'PostgreSQL';
  console.log(`\n明镜已启动（${Math.round(performance.now() - started)} ms），数据库：${where}`);
  console.log(`  公示门户   ${config.publicBaseUrl}/`);
  console.log(`  管理端     ${config.publicBaseUrl}/console/`);
  console.log(
    `  开放接口   ${config.publicBaseUrl}/open-api（公众）；完整接口文档 ${config.publicBaseUrl}/api/docs（登录后）`,
  );
  if (!config.publicBaseUrlSet) {
    // Every badge and document QR code encodes this address: a citizen's phone cannot open localhost.
    app.log.warn(
      { publicBaseUrl: config.publicBaseUrl },
      'MINGJING_PUBLIC_URL is not set: QR codes on badges and documents point to this local address',
    );
    console.log(
      `\n⚠ 未设置 MINGJING_PUBLIC_URL：执法证件和文书上的二维码将指向 ${config.publicBaseUrl}，群众扫码无法打开。` +
        '\n  请设置为公示平台的对外地址（如 https://zhifa.example.gov.cn）后重启。',
    );
  }
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
    await ledger.stopLedgerJobs(ledgerJobs);
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
