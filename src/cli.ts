import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { createUser } from './platform/auth/service.ts';
import { backupPglite, restorePglite } from './platform/db/backup.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { openDatabase } from './platform/db/index.ts';
import { AppError } from './platform/http/errors.ts';

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

async function main(argv: string[]) {
  const [cmd, sub, ...rest] = argv;
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
      if (config.databaseUrl) throw new AppError('FORBIDDEN', 'PostgreSQL 部署请使用 pg_dump / pg_restore 备份和恢复');
      const { values } = parseArgs({ args: [sub ?? '', ...rest].filter(Boolean), options: { out: { type: 'string' }, from: { type: 'string' } } });
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
