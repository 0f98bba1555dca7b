// Starts a local S3-compatible server (s3rver, completed by s3-server.mjs) in a child process on a random
// port with one empty bucket, for the S3 evidence-store tests and HTTP tests that run on S3.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface S3TestServer {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The server's storage directory (`<directory>/<bucket>/…`), for tests that look underneath. */
  directory: string;
  /** The MINGJING_* variables that select this server as the evidence store. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

// The AWS SDK warns once per process that its 2027 releases will need Node 22; the platform supports
// Node 20 today, so in tests the warning is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SCRIPT = fileURLToPath(new URL('./s3-server.mjs', import.meta.url));

export async function startS3Server(bucket = 'mingjing-evidence'): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'mingjing-s3-'));
  // No execArgv: the test process's flags (--import tsx, --test-*) are not the server's business.
  const child: ChildProcess = fork(SCRIPT, [directory, bucket], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('s3 test server did not start within 15 s')), 15_000);
      child.once('message', (m) => {
        clearTimeout(timer);
        resolve((m as { port: number }).port);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`s3 test server exited with code ${code}`));
      });
    });
  } catch (e) {
    child.kill();
    await rm(directory, { recursive: true, force: true });
    throw e;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's fixed credentials; it checks signatures made with them.
  const accessKeyId = 'S3RVER';
  const secretAccessKey = 'S3RVER';
  const region = 'us-east-1';
  return {
    endpoint,
    region,
    bucket,
    accessKeyId,
    secretAccessKey,
    directory,
    env: {
      MINGJING_BLOB_STORE: 's3',
      MINGJING_S3_ENDPOINT: endpoint,
      MINGJING_S3_REGION: region,
      MINGJING_S3_BUCKET: bucket,
      MINGJING_S3_ACCESS_KEY_ID: accessKeyId,
      MINGJING_S3_SECRET_ACCESS_KEY: secretAccessKey,
      MINGJING_S3_FORCE_PATH_STYLE: '1',
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
