// A local S3-compatible server for the tests, run in its own process by test/helpers/s3.ts (so that its
// memory and its event loop stay out of the measurements of the process under test).
//
// It is s3rver 3.7.1 plus the operations s3rver lacks and our S3 store relies on. Checked against
// @aws-sdk/client-s3 3.1169 on Node 20: PutObject, multipart upload (create, part, complete),
// CopyObject, HeadObject, GetObject with Range, ListObjectsV2, DeleteObject work as they are; these do
// not, and are added here in front of s3rver, on its own file store:
//   - ListMultipartUploads  (GET /bucket?uploads: s3rver answers HTTP 501)
//   - AbortMultipartUpload  (DELETE /bucket/key?uploadId=…: 405 MethodNotAllowed; parts stay on disk)
//   - UploadPartCopy        (PUT …?partNumber&uploadId with x-amz-copy-source: HTTP 501)
//   - conditional writes    (If-None-Match: * on CopyObject, PutObject, CompleteMultipartUpload: ignored,
//                            the object is overwritten) — answered 412 PreconditionFailed as AWS does,
//                            one write per key at a time so that a race has exactly one winner.
// The added operations do not check signatures (s3rver's own operations do).
//
// Usage: node s3-server.mjs <directory> <bucket>; sends { port } over the IPC channel once listening,
// and exits when the parent disconnects (so a crashed test run leaves no server behind).
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const S3rver = require('s3rver');

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket || !process.send) {
  console.error('usage (as a child process with IPC): node s3-server.mjs <directory> <bucket>');
  process.exit(2);
}

const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
await s3rver.configureBuckets();
const s3rverHandler = s3rver.callback();
const store = s3rver.store;

const xmlEscape = (s) => String(s).replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const uploadsDir = (b) => join(directory, b, '._S3rver_uploads');

function sendXml(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function sendError(res, status, code, message) {
  sendXml(res, status, `<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>`);
}

async function listMultipartUploads(res, b, prefix) {
  let ids = [];
  try {
    ids = (await readdir(uploadsDir(b))).sort();
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  const uploads = [];
  for (const id of ids) {
    const keyFile = join(uploadsDir(b), id, 'key');
    const key = await readFile(keyFile, 'utf8').catch(() => undefined);
    if (key === undefined || !key.startsWith(prefix)) continue;
    const initiated = (await stat(keyFile)).mtime.toISOString();
    uploads.push(
      `<Upload><Key>${xmlEscape(key)}</Key><UploadId>${id}</UploadId><Initiated>${initiated}</Initiated></Upload>`,
    );
  }
  sendXml(
    res,
    200,
    `<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${xmlEscape(b)}</Bucket>` +
      `<Prefix>${xmlEscape(prefix)}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>` +
      `${uploads.join('')}</ListMultipartUploadsResult>`,
  );
}

async function abortMultipartUpload(res, b, uploadId) {
  const dir = join(uploadsDir(b), uploadId);
  if (!/^[0-9a-f]+$/.test(uploadId) || !(await stat(dir).catch(() => null))) {
    return sendError(res, 404, 'NoSuchUpload', 'The specified upload does not exist.');
  }
  await rm(dir, { recursive: true, force: true });
  res.writeHead(204);
  res.end();
}

async function uploadPartCopy(req, res, b, uploadId, partNumber) {
  const source = decodeURIComponent(String(req.headers['x-amz-copy-source'])).replace(/^\//, '');
  const [srcBucket, ...srcKey] = source.split('/');
  const m = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers['x-amz-copy-source-range'] ?? ''));
  if (!(await store.existsObject(srcBucket, srcKey.join('/')))) {
    return sendError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
  }
  const object = await store.getObject(
    srcBucket,
    srcKey.join('/'),
    m ? { start: +m[1], end: +m[2] } : undefined,
  );
  const { md5 } = await store.putPart(b, uploadId, partNumber, object.content);
  sendXml(
    res,
    200,
    `<CopyPartResult><LastModified>${new Date().toISOString()}</LastModified><ETag>"${md5}"</ETag></CopyPartResult>`,
  );
}

// One conditional write per key at a time: check, then let s3rver write, then release.
const keyLocks = new Map();
async function withKeyLock(id, fn) {
  const previous = keyLocks.get(id) ?? Promise.resolve();
  let release;
  const mine = previous.then(() => new Promise((r) => (release = r)));
  keyLocks.set(id, mine);
  await previous;
  try {
    await fn();
  } finally {
    release();
    if (keyLocks.get(id) === mine) keyLocks.delete(id);
  }
}

function passThrough(req, res) {
  return new Promise((resolve) => {
    res.on('close', resolve);
    s3rverHandler(req, res);
  });
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const [, b, ...rest] = url.pathname.split('/');
  const key = rest.map(decodeURIComponent).join('/');
  const q = url.searchParams;
  const method = req.method;
  if (method === 'GET' && b && !key && q.has('uploads'))
    return listMultipartUploads(res, b, q.get('prefix') ?? '');
  if (method === 'DELETE' && key && q.has('uploadId')) return abortMultipartUpload(res, b, q.get('uploadId'));
  if (method === 'PUT' && key && q.has('uploadId') && req.headers['x-amz-copy-source']) {
    return uploadPartCopy(req, res, b, q.get('uploadId'), Number(q.get('partNumber')));
  }
  const conditional = req.headers['if-none-match'] === '*' && key && (method === 'PUT' || method === 'POST');
  if (conditional) {
    return withKeyLock(`${b}/${key}`, async () => {
      if (await store.existsObject(b, key)) {
        req.resume();
        return sendError(
          res,
          412,
          'PreconditionFailed',
          'At least one of the pre-conditions you specified did not hold',
        );
      }
      await passThrough(req, res);
    });
  }
  return s3rverHandler(req, res);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => {
    if (!res.headersSent) sendError(res, 500, 'InternalError', e.message);
    else res.destroy(e);
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
