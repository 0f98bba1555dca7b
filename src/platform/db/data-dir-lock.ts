import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个明镜进程（PID ${pid}）使用。嵌入式数据库（PGlite）不能由两个进程同时打开，` +
        '否则数据会损坏。请先停止那个进程；需要多个进程时请改用 PostgreSQL（设置 DATABASE_URL）。',
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Exclusive lock on a PGlite data directory: two processes on one directory corrupt it silently
 * (STACK.md). We write our own PID file rather than use proper-lockfile, whose mtime-based
 * staleness would refuse a restart for several seconds after a crash; a PID that no longer runs is
 * taken over at once.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, 'mingjing.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      // Stale lock from a process that died without releasing it.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}
