import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDataDirLock } from './data-dir-lock.ts';

/**
 * Backup of the embedded database: PGlite's own data-directory archive (tar.gz). PGlite never fsyncs,
 * so a power loss can lose recent writes; a regular backup taken while the server is stopped (the data
 * directory lock enforces that) is the embedded deployment's safety net. PostgreSQL deployments use
 * pg_dump instead (docs/operations.md).
 */
export async function backupPglite(dataDir: string, outFile: string): Promise<number> {
  const lock = acquireDataDirLock(dataDir);
  try {
    const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: { pg_trgm } });
    const blob = await db.dumpDataDir('gzip');
    await db.close();
    const bytes = Buffer.from(await blob.arrayBuffer());
    writeFileSync(outFile, bytes);
    return bytes.length;
  } finally {
    lock.release();
  }
}

/** Restores an archive from backupPglite into an empty (or absent) data directory. */
export async function restorePglite(dataDir: string, inFile: string): Promise<void> {
  const target = join(dataDir, 'pglite');
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`数据目录 ${dataDir} 已有数据：请恢复到一个空目录`);
  }
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    const blob = new Blob([readFileSync(inFile)]);
    const db = await PGlite.create(target, { loadDataDir: blob, extensions: { pg_trgm } });
    await db.query('select 1');
    await db.close();
  } finally {
    lock.release();
  }
}
