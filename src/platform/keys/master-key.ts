import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Private keys (agency e-seals, the platform's ledger key) are stored encrypted with a master key that
 * never enters the database: a dump of the database alone cannot sign anything.
 *  - PostgreSQL deployments pass it in `MINGJING_MASTER_KEY` (64 hex characters), the same for every
 *    process; production keeps it in the host's secret store.
 *  - The embedded default keeps it in `<data>/keys/master.key` (mode 0600), created on first start.
 * AES-256-GCM from node:crypto: authenticated, so a tampered ciphertext fails to open.
 */
export interface MasterKey {
  seal(plaintext: Buffer, context: string): string;
  open(sealed: string, context: string): Buffer;
}

const VERSION = 'v1';

export function masterKeyFromBytes(key: Buffer): MasterKey {
  if (key.length !== 32) throw new Error('主密钥须为 32 字节（64 位十六进制）');
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      // The context (e.g. `seal:<agencyId>`) is bound as associated data: a ciphertext moved to another
      // row does not open.
      c.setAAD(Buffer.from(context));
      const body = Buffer.concat([c.update(plaintext), c.final()]);
      return [
        VERSION,
        iv.toString('base64'),
        c.getAuthTag().toString('base64'),
        body.toString('base64'),
      ].join('.');
    },
    open(sealed, context) {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== VERSION || !iv || !tag || !body) throw new Error('密钥密文格式不正确');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      d.setAAD(Buffer.from(context));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]);
    },
  };
}

export function loadMasterKey(opts: {
  envValue: string | undefined;
  dataDir: string;
  embedded: boolean;
}): MasterKey {
  if (opts.envValue) {
    if (!/^[0-9a-fA-F]{64}$/.test(opts.envValue)) throw new Error('MINGJING_MASTER_KEY 须为 64 位十六进制');
    return masterKeyFromBytes(Buffer.from(opts.envValue, 'hex'));
  }
  if (!opts.embedded) {
    throw new Error(
      '使用 PostgreSQL 时必须设置 MINGJING_MASTER_KEY（64 位十六进制，所有进程相同），用于加密电子签章私钥',
    );
  }
  const dir = join(opts.dataDir, 'keys');
  const file = join(dir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return masterKeyFromBytes(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
}

/** The deployment's master key, read from the configuration the first time a private key is needed. */
export function lazyMasterKey(config: {
  masterKeyHex: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
}): () => MasterKey {
  let key: MasterKey | null = null;
  return () => {
    key ??= loadMasterKey({
      envValue: config.masterKeyHex,
      dataDir: config.dataDir,
      embedded: !config.databaseUrl,
    });
    return key;
  };
}
