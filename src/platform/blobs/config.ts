// Which evidence store the environment asks for. The embedded default needs no variable: files go under
// `<MINGJING_DATA>/blobs`. Production sets MINGJING_BLOB_STORE=s3 and the MINGJING_S3_* variables.
import { LocalBlobStore } from './local.ts';
import { type BlobStore, DEFAULT_EVIDENCE_MAX_BYTES } from './store.ts';

export interface S3BlobConfig {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
}

export type BlobConfig = {
  /** Largest evidence file accepted, in bytes (`MINGJING_EVIDENCE_MAX_BYTES`). */
  maxBytes: number;
} & ({ kind: 'local' } | { kind: 's3'; s3: S3BlobConfig });

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  const v = value?.trim().toLowerCase();
  if (v === undefined || v === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new Error(`环境变量 ${name} 应为 1 或 0，实际为「${value}」`);
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  const v = value?.trim();
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n <= 0) {
    throw new Error(`环境变量 ${name} 应为正整数（字节数），实际为「${value}」`);
  }
  return n;
}

const blank = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

/** Reads the evidence-store variables; throws a Chinese message naming the variable at fault. */
export function blobConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BlobConfig {
  const maxBytes = positiveInt(
    'MINGJING_EVIDENCE_MAX_BYTES',
    env.MINGJING_EVIDENCE_MAX_BYTES,
    DEFAULT_EVIDENCE_MAX_BYTES,
  );
  const kind = (blank(env.MINGJING_BLOB_STORE) ?? 'local').toLowerCase();
  if (kind === 'local') return { kind, maxBytes };
  if (kind !== 's3') {
    throw new Error(`环境变量 MINGJING_BLOB_STORE 应为 local 或 s3，实际为「${env.MINGJING_BLOB_STORE}」`);
  }
  const bucket = blank(env.MINGJING_S3_BUCKET);
  if (!bucket) throw new Error('使用 S3 存储证据（MINGJING_BLOB_STORE=s3）时必须设置 MINGJING_S3_BUCKET');
  const accessKeyId = blank(env.MINGJING_S3_ACCESS_KEY_ID);
  const secretAccessKey = blank(env.MINGJING_S3_SECRET_ACCESS_KEY);
  // Half a key pair is a typo, not a wish for the SDK's default credential chain.
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new Error('MINGJING_S3_ACCESS_KEY_ID 与 MINGJING_S3_SECRET_ACCESS_KEY 应同时设置或同时不设置');
  }
  const endpoint = blank(env.MINGJING_S3_ENDPOINT);
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new Error(`环境变量 MINGJING_S3_ENDPOINT 应为 http:// 或 https:// 地址，实际为「${endpoint}」`);
  }
  return {
    kind,
    maxBytes,
    s3: {
      endpoint,
      region: blank(env.MINGJING_S3_REGION) ?? 'us-east-1',
      bucket,
      accessKeyId,
      secretAccessKey,
      // Servers other than AWS (MinIO, Ceph, the ones of Chinese clouds' private deployments) mostly
      // need the bucket in the path; AWS itself prefers virtual-hosted style.
      forcePathStyle: flag(
        'MINGJING_S3_FORCE_PATH_STYLE',
        env.MINGJING_S3_FORCE_PATH_STYLE,
        endpoint !== undefined,
      ),
    },
  };
}

export function createBlobStore(config: BlobConfig, dataDir: string): BlobStore {
  return config.kind === 's3' ? lazyS3BlobStore(config.s3) : new LocalBlobStore(dataDir);
}

/**
 * The S3 store, whose module (and the AWS SDK, ~1 MB of modules, ~0.2 s) loads on first use: a server
 * that keeps evidence on local disk never loads it, and createBlobStore stays synchronous.
 */
function lazyS3BlobStore(options: S3BlobConfig): BlobStore {
  let store: Promise<BlobStore> | undefined;
  const get = () => {
    store ??= import('./s3.ts').then(({ S3BlobStore }) => new S3BlobStore(options));
    return store;
  };
  return {
    kind: 's3',
    put: async (source, opts) => (await get()).put(source, opts),
    putFile: async (path, opts) => (await get()).putFile(path, opts),
    open: async (hash, range) => (await get()).open(hash, range),
    stat: async (hash) => (await get()).stat(hash),
    remove: async (hash) => (await get()).remove(hash),
    async *list() {
      yield* (await get()).list();
    },
    rehash: async (hash) => (await get()).rehash(hash),
    sweepTemporary: async (olderThan) => (await get()).sweepTemporary(olderThan),
    close: async () => {
      if (store) await (await store).close();
    },
  };
}

/** The store the environment asks for, and the size limit to pass to every put. */
export function blobStoreFromEnv(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { store: BlobStore; config: BlobConfig } {
  const config = blobConfigFromEnv(env);
  return { store: createBlobStore(config, dataDir), config };
}
