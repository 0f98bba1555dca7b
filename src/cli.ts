import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { systemCtx } from './platform/auth/actor.ts';
import { createUser } from './platform/auth/service.ts';
import * as calendar from './platform/calendar/service.ts';
import { isValidSm2PublicKey, sm2PublicKeyFromPem } from './platform/crypto/index.ts';
import { backupPglite, restorePglite } from './platform/db/backup.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { openDatabase } from './platform/db/index.ts';
import { AppError } from './platform/http/errors.ts';
import { parseReceiptJson, verifyReceipt } from './platform/ledger/receipt.ts';
import { verifyCommand } from './verify.ts';

const HELP = `明镜 命令行

用法：
  mingjing start                          启动平台（同 npm start）
  mingjing migrate                        只执行数据库迁移
  mingjing backup --out 文件.tar.gz        备份嵌入式数据库（须先停止服务；PostgreSQL 请用 pg_dump）
  mingjing restore --from 文件.tar.gz      把备份恢复到 MINGJING_DATA 指向的空目录
  mingjing admin create --username 用户名 --name 姓名 [--password-stdin]
                                          创建系统管理员。密码从标准输入读取（--password-stdin），
                                          或取自环境变量 MINGJING_ADMIN_PASSWORD；至少 10 位，含字母和数字。
  mingjing user create --username 用户名 --name 姓名 --role 角色 [--agency-id 编号] [--region 区划代码]
                                          创建其他角色的账号（角色：officer auxiliary legal_reviewer
                                          agency_head agency_admin supervisor system_admin）
  mingjing calendar add-working-days --from 日期 --days 天数
                                          期限计算：起算日期后第 N 个工作日（当日不计入），输出与
                                          GET /api/public/calendar/add-working-days 相同的 JSON；
                                          涉及未载入放假安排的年份时 provisional 为 true
  mingjing calendar years                 列出已载入的年度放假安排及其依据的通知
  mingjing calendar load --file 2027.json [--replace]
                                          载入一个年度的放假安排（国务院办公厅通知，格式见
                                          src/platform/calendar/README.md）；已载入的年度须加 --replace 才替换

  mingjing verify [--json]                核对全部记录是否被篡改：重算每个账本条目、树节点和签名树头，
                                          并逐条核对账本记录的文书、办案环节和文件；发现不一致时逐条列出，
                                          退出码为 1，否则为 0（--json：输出 JSON 报告）
  mingjing verify-receipt --receipt 回执.json [--file 文件] [--public-key 公钥]
                                          离线核验存证回执（无需数据库和网络）：条目哈希、包含证明
                                          （RFC 9162）、树头 SM2 签名；--file 核对文件的 SM3 摘要，
                                          --public-key（十六进制或 PEM 文件，可重复）核对签名公钥是平台公布的。
                                          全部通过时退出码为 0，否则为 1

数据库由环境变量决定：DATABASE_URL（PostgreSQL）或 MINGJING_DATA（嵌入式 PGlite 数据目录，默认 ./data）。`;

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function readPassword(fromStdin: boolean): string {
  if (fromStdin) return readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  const env = process.env.MINGJING_ADMIN_PASSWORD;
  if (!env)
    throw new AppError(
      'FIELD_REQUIRED',
      '请通过 --password-stdin 或环境变量 MINGJING_ADMIN_PASSWORD 提供密码',
      'password',
    );
  return env;
}

async function createAccount(args: string[], fixedRole?: 'system_admin') {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'agency-id': { type: 'string' },
      region: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.username || !values.name)
    throw new AppError('FIELD_REQUIRED', '必须提供 --username 和 --name', 'username');
  const password = readPassword(values['password-stdin'] ?? false);
  const actor = await withDatabase((d) =>
    createUser(d.db, {
      username: values.username!,
      displayName: values.name!,
      password,
      role: fixedRole ?? values.role ?? '',
      agencyId: values['agency-id'] ?? null,
      regionCode: values.region ?? null,
    }),
  );
  console.log(`已创建账号 ${actor.username}（${actor.role}）。`);
}

async function calendarCommand(sub: string, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      days: { type: 'string' },
      file: { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
    strict: true,
  });
  await withDatabase(async ({ db }) => {
    // The server inserts the bundled years at start; the CLI may run against a database it never saw.
    await calendar.ensureBundledCalendar(db);
    if (sub === 'add-working-days') {
      const d = await calendar.addWorkingDays(db, values.from, values.days);
      console.log(JSON.stringify({ from: d.from, days: d.days, date: d.date, provisional: d.provisional }));
    } else if (sub === 'years') {
      for (const y of await calendar.listYears(db)) {
        const amended =
          y.amendments.length > 0 ? `，另有补充通知 ${y.amendments.map((a) => a.number).join('、')}` : '';
        console.log(
          `${y.year}  ${y.notice.number}  ${y.notice.title}（放假 ${y.holidays.length} 天，调休上班 ${y.workdays.length} 天${amended}）`,
        );
      }
    } else {
      if (!values.file)
        throw new AppError('FIELD_REQUIRED', '请用 --file 指定年度放假安排的 JSON 文件', 'file');
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(values.file, 'utf8'));
      } catch (err) {
        throw new AppError('INVALID_JSON', `无法读取 ${values.file}：${(err as Error).message}`, 'file');
      }
      if (typeof input === 'object' && input !== null && !Array.isArray(input) && values.replace) {
        input = { ...input, replace: true };
      }
      const y = await calendar.loadYear(db, systemCtx('calendar load'), input);
      console.log(
        `已${y.replaced ? '替换' : '载入'} ${y.year} 年放假安排（${y.notice.number}；放假 ${y.holidays.length} 天，调休上班 ${y.workdays.length} 天）。`,
      );
    }
  });
}

/** SM3 of a file, streamed (evidence files can be larger than memory). */
async function sm3OfFile(path: string): Promise<string> {
  const hasher = createHash('sm3');
  for await (const chunk of createReadStream(path)) hasher.update(chunk as Buffer);
  return hasher.digest('hex');
}

/** `--public-key`: the 04||x||y hex the ledger page shows, or a PEM file (e.g. `openssl pkey -pubout`). */
function publicKeyArg(value: string): string {
  if (isValidSm2PublicKey(value)) return value.toLowerCase();
  try {
    return sm2PublicKeyFromPem(readFileSync(value, 'utf8'));
  } catch {
    throw new AppError(
      'INVALID_FORMAT',
      `--public-key 应为 SM2 公钥（十六进制）或 PEM 文件：${value}`,
      'public-key',
    );
  }
}

/** `mingjing verify-receipt`: no database, no network — what a court or a lawyer runs. */
async function verifyReceiptCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      receipt: { type: 'string' },
      file: { type: 'string' },
      'public-key': { type: 'string', multiple: true },
    },
    strict: true,
  });
  if (!values.receipt) throw new AppError('FIELD_REQUIRED', '请用 --receipt 指定存证回执文件', 'receipt');
  let text: string;
  try {
    text = readFileSync(values.receipt, 'utf8');
  } catch (err) {
    throw new AppError(
      'FIELD_REQUIRED',
      `无法读取回执 ${values.receipt}：${(err as Error).message}`,
      'receipt',
    );
  }
  const keys = values['public-key']?.map(publicKeyArg);
  let fileHash: string | undefined;
  if (values.file) {
    try {
      fileHash = await sm3OfFile(values.file);
    } catch (err) {
      throw new AppError('FIELD_REQUIRED', `无法读取文件 ${values.file}：${(err as Error).message}`, 'file');
    }
  }
  const json = parseReceiptJson(text);
  const checks = json.ok ? verifyReceipt(json.value, { fileHash, trustedPublicKeys: keys }) : [json.check];
  console.log(`存证回执：${values.receipt}`);
  for (const c of checks) console.log(`${c.ok ? '✔' : '✘'} ${c.label}：${c.message}`);
  const failed = checks.filter((c) => !c.ok).length;
  if (failed === 0) {
    console.log('结论：核验通过。');
    if (!keys) console.log('提示：未用 --public-key 核对签名公钥；请与平台「存证账本」页面公布的公钥比对。');
  } else {
    console.log(`结论：核验未通过（${failed} 项未通过）。`);
  }
  process.exitCode = failed === 0 ? 0 : 1;
}

async function main(argv: string[]) {
  const [cmd, sub, ...rest] = argv;
  if (cmd === 'verify-receipt') return verifyReceiptCommand(argv.slice(1));
  if (cmd === 'verify') {
    // The evidence store the server is configured with (MINGJING_DATA/blobs or S3): its files are re-hashed.
    // Loaded here only: the composition root brings in every module's services, which no other command needs.
    const { composeServices } = await import('./composition.ts');
    const { blobs } = composeServices(loadConfig()).records;
    try {
      process.exitCode = await withDatabase((d) => verifyCommand(d.db, blobs, argv.slice(1)));
    } finally {
      await blobs.close();
    }
    return;
  }
  const key = cmd === 'backup' || cmd === 'restore' ? cmd : `${cmd ?? ''} ${sub ?? ''}`.trim();
  switch (key) {
    case 'start':
      await import('./main.ts');
      return;
    case 'migrate':
      await withDatabase(async (d) => console.log(`数据库迁移完成（${d.kind}）。`));
      return;
    case 'backup':
    case 'restore': {
      const config = loadConfig();
      if (config.databaseUrl)
        throw new AppError('FORBIDDEN', 'PostgreSQL 部署请使用 pg_dump / pg_restore 备份和恢复');
      const { values } = parseArgs({
        args: [sub ?? '', ...rest].filter(Boolean),
        options: { out: { type: 'string' }, from: { type: 'string' } },
      });
      if (cmd === 'backup') {
        if (!values.out) throw new AppError('FIELD_REQUIRED', '请用 --out 指定备份文件', 'out');
        const bytes = await backupPglite(config.dataDir, values.out);
        console.log(`已备份 ${config.dataDir} → ${values.out}（${bytes} 字节）`);
      } else {
        if (!values.from) throw new AppError('FIELD_REQUIRED', '请用 --from 指定备份文件', 'from');
        await restorePglite(config.dataDir, values.from);
        console.log(`已从 ${values.from} 恢复到 ${config.dataDir}`);
      }
      return;
    }
    case 'admin create':
      return createAccount(rest, 'system_admin');
    case 'user create':
      return createAccount(rest);
    case 'calendar add-working-days':
    case 'calendar years':
    case 'calendar load':
      return calendarCommand(sub!, rest);
    default:
      console.log(HELP);
      if (cmd && cmd !== 'help' && cmd !== '--help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof AppError) console.error(`错误：${err.message}`);
  else if (err instanceof DataDirLockedError) console.error(`错误：${err.message}`);
  else if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS'))
    console.error(`参数错误：${err.message}`);
  else console.error(err);
  process.exitCode = 1;
});
