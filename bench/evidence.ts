import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, open, unlink } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Upload } from 'tus-js-client';
import { fmt, type Server, startServer } from './lib.ts';

/**
 * Issue 4 figure for the evidence store: ingestion throughput of one large file (BENCH_EVIDENCE_MB,
 * default 1 GiB) through the real server — the multipart endpoint and tus resumable uploads — beside
 * references measured on the same file in the same run:
 *  - `openssl dgst -sm3` (the hashing limit: our store SM3-hashes every byte),
 *  - a plain disk copy (fs.copyFile + fsync, since the local store fsyncs each new file),
 *  - for information, Node's own streaming createHash('sm3'), which the store uses;
 * and the server's peak memory during each upload (VmHWM reset before it), which must not grow with
 * the file's size.
 */

const PASSWORD = 'Bench-password-2026';
const MB = 1e6;
const MiB = 1024 * 1024;
const TUS_CHUNK = 64 * MiB;
const READ_CHUNK = MiB;

const elapsed = (t0: number) => (performance.now() - t0) / 1000;
const mbps = (bytes: number, seconds: number) => bytes / MB / seconds;
const mb = (bytes: number) => `${fmt(bytes / MB)} MB`;

// ── the test file ─────────────────────────────────────────────────────────────────────────────────

/** A random 1 MiB block repeated with a counter in each copy: fast to make, no two blocks alike. */
async function generate(path: string, bytes: number): Promise<void> {
  const block = randomBytes(MiB);
  const h = await open(path, 'w');
  try {
    for (let offset = 0, i = 0; offset < bytes; offset += MiB, i++) {
      block.writeUInt32BE(i, 0);
      const n = Math.min(MiB, bytes - offset);
      await h.write(block, 0, n, offset);
    }
    // Written back now, so the disk is quiet when the measurements start.
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Makes the file's bytes (and so its hash) different, so a second upload is not deduplicated. */
async function alter(path: string): Promise<void> {
  const h = await open(path, 'r+');
  try {
    await h.write(randomBytes(64), 0, 64, 0);
    await h.sync();
  } finally {
    await h.close();
  }
}

// ── references ────────────────────────────────────────────────────────────────────────────────────

async function opensslSm3(path: string): Promise<{ seconds: number; hash: string }> {
  const t0 = performance.now();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('openssl', ['dgst', '-sm3', path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      text += s;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`openssl dgst -sm3 exited with ${code}`)),
    );
  });
  const seconds = elapsed(t0);
  const hash = /= ?([0-9a-f]{64})\s*$/.exec(out)?.[1];
  if (!hash) throw new Error(`unexpected openssl output: ${out}`);
  return { seconds, hash };
}

async function nodeSm3(path: string): Promise<{ seconds: number; hash: string }> {
  const t0 = performance.now();
  const h = createHash('sm3');
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) h.update(chunk as Buffer);
  const hash = h.digest('hex');
  return { seconds: elapsed(t0), hash };
}

/** fs.copyFile (an in-kernel copy) and fsync of the copy, as the store fsyncs a new file. */
async function diskCopy(from: string, to: string): Promise<number> {
  const t0 = performance.now();
  await copyFile(from, to);
  const h = await open(to, 'r+');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
  const seconds = elapsed(t0);
  await unlink(to);
  return seconds;
}

// ── the server's memory ───────────────────────────────────────────────────────────────────────────

function procStatus(pid: number): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/**
 * Watches one process during a measurement: the peak is VmHWM after resetting it (`clear_refs` 5,
 * Linux ≥ 4.0) and otherwise the highest VmRSS polled every 50 ms.
 */
function watchMemory(pid: number) {
  let reset = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    reset = false;
  }
  const baseline = procStatus(pid).rss;
  let polled = baseline;
  const timer = setInterval(() => {
    polled = Math.max(polled, procStatus(pid).rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      const now = procStatus(pid);
      polled = Math.max(polled, now.rss);
      return { baseline, peak: reset ? Math.max(now.hwm, polled) : polled, after: now.rss, reset };
    },
  };
}

type Memory = ReturnType<ReturnType<typeof watchMemory>['stop']>;

// ── the server ────────────────────────────────────────────────────────────────────────────────────

type Session = { base: string; cookie: string; csrf: string };

async function login(base: string, username: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = /mj_session=[^;]*/.exec(r.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('login set no session cookie');
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { base, cookie, csrf: csrfToken };
}

async function caseUnderInvestigation(s: Session): Promise<{ id: string; title: string }> {
  const r = await fetch(`${s.base}/api/cases?state=investigation&open=true&pageSize=200`, {
    headers: { cookie: s.cookie },
  });
  if (r.status !== 200) throw new Error(`GET /api/cases: ${r.status} ${await r.text()}`);
  const { items } = (await r.json()) as { items: { id: string; title: string; procedure: string }[] };
  const found = items.find((c) => c.procedure === 'ordinary') ?? items[0];
  if (!found) throw new Error('no demo case under investigation for scjg_officer1');
  return found;
}

/** Text fields of the upload: a document (书证/电子数据, not AV, so no device is needed). */
const fieldsFor = (label: string, sm3: string, size: number) => ({
  stepKey: 'other',
  mediaType: 'document',
  title: `性能测试电子数据（${label}）`,
  capturedAt: new Date(Date.now() - 3_600_000).toISOString(),
  sm3,
  size: String(size),
});

type Stored = { id: string; contentHash: string; size: number };
type Timing = { seconds: number; tailSeconds: number; stored: Stored };

/** A multipart/form-data body streamed from disk (fields first, the file last) over node:http. */
async function multipartUpload(
  s: Session,
  caseId: string,
  path: string,
  fields: Record<string, string>,
  size: number,
): Promise<Timing> {
  const boundary = `----mingjing-bench-${randomBytes(12).toString('hex')}`;
  let head = '';
  for (const [name, value] of Object.entries(fields))
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-evidence.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  const url = new URL(`/api/cases/${caseId}/evidence`, s.base);

  const t0 = performance.now();
  let sentAt = 0;
  const req = request(url, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(headBytes.byteLength + size + tailBytes.byteLength),
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.once('error', reject);
    });
  });
  // The server may answer (an error) before the body is sent: then the pipeline's failure is not the news.
  const sent = pipeline(async function* () {
    yield headBytes;
    yield* createReadStream(path, { highWaterMark: READ_CHUNK });
    yield tailBytes;
  }, req).then(() => {
    sentAt = performance.now();
  });
  const r = await response;
  const end = performance.now();
  await sent.catch(() => undefined);
  if (r.status !== 201) throw new Error(`multipart upload: ${r.status} ${r.body.slice(0, 500)}`);
  return {
    seconds: (end - t0) / 1000,
    tailSeconds: sentAt ? (end - sentAt) / 1000 : 0,
    stored: JSON.parse(r.body) as Stored,
  };
}

/**
 * tus 1.0 with tus-js-client from a file stream (it re-reads each chunk from the file: no buffering).
 * The client cannot see when the last byte has left, so the time spent finishing (the server reading the
 * finished upload back into the store) is estimated from the PATCH requests: the last one's time less its
 * bytes at the rate of the others.
 */
async function tusUpload(
  s: Session,
  caseId: string,
  path: string,
  fields: Record<string, string>,
  size: number,
): Promise<Timing> {
  const patches: { bytes: number; ms: number }[] = [];
  const startedAt = new Map<unknown, number>();
  const t0 = performance.now();
  const { size: _declared, ...metadata } = fields;
  const stored = await new Promise<Stored>((resolve, reject) => {
    const upload = new Upload(createReadStream(path) as unknown as Buffer, {
      endpoint: `${s.base}/api/uploads`,
      chunkSize: TUS_CHUNK,
      retryDelays: null,
      storeFingerprintForResuming: false,
      metadata: {
        ...metadata,
        caseId,
        filename: 'bench-evidence-tus.bin',
        filetype: 'application/octet-stream',
      },
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      onBeforeRequest: (req) => {
        if (req.getMethod() === 'PATCH') startedAt.set(req, performance.now());
      },
      onAfterResponse: (req) => {
        const from = startedAt.get(req);
        if (from === undefined) return;
        const offset = Number(req.getHeader('Upload-Offset'));
        patches.push({ bytes: Math.min(TUS_CHUNK, size - offset), ms: performance.now() - from });
      },
      onSuccess: ({ lastResponse }) => {
        try {
          resolve(JSON.parse(lastResponse.getBody()) as Stored);
        } catch (e) {
          reject(e);
        }
      },
      // Its DetailedError carries the whole request and response: the message says what matters.
      onError: (e) => reject(new Error(`tus upload: ${e.message}`)),
    });
    upload.start();
  });
  const seconds = (performance.now() - t0) / 1000;
  let tailSeconds = Number.NaN;
  const last = patches.at(-1);
  const others = patches.slice(0, -1);
  if (last && others.length > 0) {
    const rate = others.reduce((a, p) => a + p.bytes, 0) / others.reduce((a, p) => a + p.ms, 0);
    tailSeconds = Math.max(0, last.ms - last.bytes / rate) / 1000;
  }
  return { seconds, tailSeconds, stored };
}

// ── the bench ─────────────────────────────────────────────────────────────────────────────────────

function check(label: string, stored: Stored, hash: string, size: number): void {
  if (stored.contentHash !== hash || Number(stored.size) !== size)
    throw new Error(
      `${label}: stored ${stored.contentHash} (${stored.size} bytes), expected ${hash} (${size} bytes)`,
    );
}

function memoryLine(m: Memory): string {
  const how = m.reset ? 'VmHWM, reset before the upload' : 'highest VmRSS polled every 50 ms';
  const growth = m.peak - m.baseline;
  return `  server RSS: before ${mb(m.baseline)}, peak ${mb(m.peak)} (${growth >= 0 ? '+' : ''}${mb(growth)}; ${how}), after ${mb(m.after)}`;
}

export async function benchEvidence(): Promise<void> {
  const mib = Number(process.env.BENCH_EVIDENCE_MB ?? 1024);
  if (!Number.isFinite(mib) || mib <= 0) throw new Error(`BENCH_EVIDENCE_MB must be a positive number`);
  const size = Math.round(mib * MiB);
  const dir = mkdtempSync(join(tmpdir(), 'mingjing-bench-evidence-'));
  const file = join(dir, 'evidence.bin');
  let server: Server | undefined;
  const started = performance.now();
  try {
    console.log(
      `\n## Evidence ingestion (${fmt(size / MiB)} MiB = ${mb(size)} file, local store, server in a child process)`,
    );
    let t0 = performance.now();
    await generate(file, size);
    console.log(`test file written and fsynced in ${fmt(elapsed(t0), 1)} s`);

    const ossl = await opensslSm3(file);
    const node = await nodeSm3(file);
    if (node.hash !== ossl.hash) throw new Error(`node SM3 ${node.hash} ≠ openssl ${ossl.hash}`);
    const copySeconds = await diskCopy(file, join(dir, 'copy.bin'));
    console.log(
      `reference, openssl dgst -sm3:                     ${fmt(mbps(size, ossl.seconds))} MB/s (${fmt(ossl.seconds, 2)} s)`,
    );
    console.log(
      `reference, disk copy (fs.copyFile + fsync):       ${fmt(mbps(size, copySeconds))} MB/s (${fmt(copySeconds, 2)} s)`,
    );
    console.log(
      `for information, node createHash('sm3') stream:   ${fmt(mbps(size, node.seconds))} MB/s (${fmt(node.seconds, 2)} s)`,
    );

    t0 = performance.now();
    server = await startServer({
      MINGJING_DATA: join(dir, 'data'),
      MINGJING_DEMO_PASSWORD: PASSWORD,
      MINGJING_DEMO: '1',
    });
    const base = `http://127.0.0.1:${server.port}`;
    const session = await login(base, 'scjg_officer1');
    const target = await caseUnderInvestigation(session);
    const pid = server.child.pid!;
    console.log(
      `server up in ${fmt(elapsed(t0), 1)} s (empty data dir, demo seeded); case 「${target.title}」 under investigation, as scjg_officer1`,
    );
    const ratios = (seconds: number, opensslSeconds: number) =>
      `ours ÷ openssl ${fmt(opensslSeconds / seconds, 2)}, ÷ copy ${fmt(copySeconds / seconds, 2)}`;

    // (a) multipart, the file streamed from disk
    let watch = watchMemory(pid);
    const multi = await multipartUpload(
      session,
      target.id,
      file,
      fieldsFor('multipart', ossl.hash, size),
      size,
    );
    let memory = watch.stop();
    check('multipart', multi.stored, ossl.hash, size);
    console.log(
      `POST /api/cases/:id/evidence (multipart, streamed): ${fmt(mbps(size, multi.seconds))} MB/s (${fmt(multi.seconds, 2)} s, of which ${fmt(multi.tailSeconds, 2)} s after the last byte was sent); ${ratios(multi.seconds, ossl.seconds)}`,
    );
    console.log(memoryLine(memory));

    // (b) tus, other bytes (the same bytes would be deduplicated and skip the store's fsync)
    await alter(file);
    const ossl2 = await opensslSm3(file);
    watch = watchMemory(pid);
    const tus = await tusUpload(session, target.id, file, fieldsFor('tus', ossl2.hash, size), size);
    memory = watch.stop();
    check('tus', tus.stored, ossl2.hash, size);
    console.log(
      `reference again before tus, openssl dgst -sm3:    ${fmt(mbps(size, ossl2.seconds))} MB/s (${fmt(ossl2.seconds, 2)} s)`,
    );
    console.log(
      `tus /api/uploads (${TUS_CHUNK / MiB} MiB chunks):               ${fmt(mbps(size, tus.seconds))} MB/s (${fmt(tus.seconds, 2)} s${Number.isNaN(tus.tailSeconds) ? '' : `, of which ~${fmt(tus.tailSeconds, 2)} s finishing after the last chunk was sent`}); ${ratios(tus.seconds, ossl2.seconds)}`,
    );
    console.log(memoryLine(memory));
    console.log('stored hashes and sizes equal openssl’s for both uploads');
  } finally {
    if (server && server.child.exitCode === null) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`evidence bench total ${fmt(elapsed(started), 1)} s`);
}
