import { resolve } from 'node:path';
import { type BlobConfig, blobConfigFromEnv } from './platform/blobs/config.ts';
import { type LogFormat, logFormatOf } from './platform/log.ts';

/** Everything the environment can set, read once at start. The embedded default needs no variable. */
export interface Config {
  port: number;
  host: string;
  /** PGlite data directory (and, later, the local evidence store). */
  dataDir: string;
  /** postgres://… — when set, PostgreSQL replaces the embedded PGlite. */
  databaseUrl: string | undefined;
  /** Seed the demo deployment: default on for an empty embedded database, opt-in on PostgreSQL. */
  demo: 'auto' | 'on' | 'off';
  demoPassword: string | undefined;
  /** Base URL printed in QR codes and links for the public (e.g. https://zhifa.example.gov.cn). */
  publicBaseUrl: string;
  /** Whether MINGJING_PUBLIC_URL was set: without it QR codes point at this machine (main.ts warns). */
  publicBaseUrlSet: boolean;
  /**
   * `MINGJING_PORTAL_NAME`: the portal's name (e.g. 蚌埠市行政执法信息公示平台). Unset, the portal names
   * itself after the narrowest region holding every agency of the register.
   */
  portalName: string | undefined;
  bodyLimitBytes: number;
  importLimitBytes: number;
  trustProxy: boolean;
  logLevel: string;
  /** `LOG_FORMAT`: pretty lines on a terminal, JSON otherwise (platform/log.ts). */
  logFormat: LogFormat;
  /**
   * The level request lines are logged at: `debug` on the embedded default (a laptop's terminal is for
   * people; 11,000 lines in 45 minutes buried everything else), `info` on PostgreSQL deployments, whose
   * logs go to a collector. `LOG_REQUESTS=info|debug` overrides.
   */
  requestLogLevel: 'info' | 'debug';
  /** 64 hex: encrypts private keys at rest; required on PostgreSQL, a file in the data dir otherwise. */
  masterKeyHex: string | undefined;
  /** Evidence store: local disk under dataDir (default) or S3-compatible (MINGJING_BLOB_STORE=s3). */
  blobs: BlobConfig;
  /**
   * `MINGJING_CHECK_RESPONSES=1`: every answer is checked against its route's declared schema and a
   * mismatch fails the request (platform/http/contract.ts). The test servers run with it.
   */
  checkResponses: boolean;
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负整数，实际为「${value}」`);
  return n;
}

function requestLogLevelOf(v: string | undefined, postgres: boolean): Config['requestLogLevel'] {
  if (v === undefined || v === '') return postgres ? 'info' : 'debug';
  if (v === 'info' || v === 'debug') return v;
  throw new Error(`环境变量 LOG_REQUESTS 应为 info 或 debug，实际为「${v}」`);
}

function demoMode(v: string | undefined): Config['demo'] {
  if (v === undefined || v === '') return 'auto';
  if (['1', 'true', 'yes', 'on'].includes(v)) return 'on';
  if (['0', 'false', 'no', 'off'].includes(v)) return 'off';
  throw new Error(`环境变量 MINGJING_DEMO 应为 1 或 0，实际为「${v}」`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int('PORT', env.PORT, 3000);
  const host = env.HOST || '0.0.0.0';
  return {
    port,
    host,
    dataDir: resolve(env.MINGJING_DATA || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: demoMode(env.MINGJING_DEMO),
    demoPassword: env.MINGJING_DEMO_PASSWORD || undefined,
    publicBaseUrl: (env.MINGJING_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    publicBaseUrlSet: Boolean(env.MINGJING_PUBLIC_URL),
    portalName: env.MINGJING_PORTAL_NAME?.trim() || undefined,
    bodyLimitBytes: int('MINGJING_BODY_LIMIT', env.MINGJING_BODY_LIMIT, 1024 * 1024),
    importLimitBytes: int('MINGJING_IMPORT_LIMIT', env.MINGJING_IMPORT_LIMIT, 5 * 1024 * 1024),
    trustProxy: env.MINGJING_TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: logFormatOf(env.LOG_FORMAT, process.stdout.isTTY === true),
    requestLogLevel: requestLogLevelOf(env.LOG_REQUESTS, Boolean(env.DATABASE_URL)),
    masterKeyHex: env.MINGJING_MASTER_KEY || undefined,
    blobs: blobConfigFromEnv(env),
    checkResponses: env.MINGJING_CHECK_RESPONSES === '1',
  };
}
