import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SAMPLE_DATA } from '../src/modules/cases/documents/samples.ts';
import { generateSm2KeyPair, sm2Sign } from '../src/platform/crypto/index.ts';
import { makeUscc } from '../src/platform/identifiers/uscc.ts';
import {
  appendEntry,
  type Receipt,
  receiptVerified,
  treeHeadMessage,
  verifyReceipt,
} from '../src/platform/ledger/index.ts';
import { TEST_DB } from './helpers/database.ts';
import { completedDraft } from './helpers/documents.ts';
import { shanghaiDay } from './helpers/records.ts';
import { Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// Receipts over real HTTP: a document issued on a case walked through the API, its receipt downloaded,
// verified offline by the CLI as a child process (and refused after one byte is changed), and the
// portal's /verify page answering for a receipt, a file, and both.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sm3 = (b: Uint8Array | string) => crypto.createHash('sm3').update(b).digest('hex');

/** `mingjing verify-receipt …` as a user runs it: a separate process with no database or server. */
function cli(args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'verify-receipt', ...args], {
      cwd: ROOT,
      // No database configuration at all: the command must not need one.
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out }));
  });
}

/** The "verify by hand" block of docs/receipts.md, run as written (bash, OpenSSL, jq, xxd). */
function byHand(cwd: string): { status: number | null; out: string } {
  const doc = readFileSync(path.join(ROOT, 'docs/receipts.md'), 'utf8');
  const block = /```sh verify-by-hand\n([\s\S]*?)\n```/.exec(doc)?.[1];
  assert.ok(block, 'docs/receipts.md has a ```sh verify-by-hand block');
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', block], { cwd, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}
const missingTools = (): string | null => {
  for (const tool of ['bash', 'openssl', 'jq', 'xxd']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} not installed`;
  }
  return null;
};

/** The portal's form as a browser without JavaScript sends it: multipart, no cookie, no CSRF header. */
function form(parts: { receipt?: string | Buffer; file?: Buffer; fileName?: string }): FormData {
  const fd = new FormData();
  // Blob wants ArrayBuffer-backed views: copy Buffers into plain Uint8Arrays.
  const part = (v: string | Buffer) => (typeof v === 'string' ? v : new Uint8Array(v));
  if (parts.receipt !== undefined) {
    fd.append('receipt', new Blob([part(parts.receipt)], { type: 'application/json' }), 'receipt.json');
  }
  if (parts.file !== undefined)
    fd.append('file', new Blob([part(parts.file)]), parts.fileName ?? 'video.mp4');
  return fd;
}
/** Each check's outcome as the page shows it (data-check / data-ok attributes). */
const pageChecks = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/data-check="(\w+)" data-ok="([01])"/g)].map((m) => [m[1], m[2] === '1']),
  );

describe(`receipts over HTTP (${TEST_DB})`, () => {
  let server: TestServer;
  let anon: Client;
  let caseId: string;
  let docId: string;
  let docContentHash: string;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mingjing-receipts-'));
  const evidence = Buffer.from(`执法记录仪视频 ${crypto.randomUUID()} `.repeat(5000));
  let evidenceIndex: number;

  before(async () => {
    server = await startServer();
    anon = new Client(server.url);
    // A case walk as in api-cases: a lead registered by an officer, filed by the head, an inquiry
    // record issued on it (logged as document.version in the same transaction).
    const officer1 = await loggedIn(server, 'scjg_officer1');
    const officer2 = await loggedIn(server, 'scjg_officer2');
    const head = await loggedIn(server, 'scjg_head');
    const items = (await officer1.get('/api/items?type=penalty')).body.items;
    const itemId = items.find((i: { code: string }) => i.code === 'SCJG-CF-001').id;
    const team = await Promise.all(
      [officer1, officer2].map(async (c) => (await c.get('/api/auth/me')).body.user.officerId),
    );
    const lead = await officer1.post('/api/cases', {
      procedure: 'lead',
      itemId,
      title: '回执测试：涉嫌未取得食品经营许可从事食品经营活动案',
      payload: { source: 'complaint', summary: '群众举报某餐饮公司无证经营' },
    });
    assert.equal(lead.status, 201, lead.text);
    const filed = await head.post(`/api/cases/${lead.body.id}/transitions`, {
      action: 'file',
      payload: { violationOn: shanghaiDay(-40) },
      case: {
        teamOfficerIds: team,
        party: {
          type: 'legal_person',
          name: '蚌埠回执测试餐饮管理有限公司',
          idNumber: makeUscc('91340300MA2N7H3C0'),
          representative: '周海燕',
        },
      },
    });
    assert.equal(filed.status, 200, filed.text);
    caseId = filed.body.filedCaseId;
    const doc = await officer1.post(`/api/cases/${caseId}/documents`, {
      kind: 'inquiry_record',
      data: await completedDraft(officer1, caseId, 'inquiry_record'),
    });
    assert.equal(doc.status, 201, doc.text);
    docId = doc.body.id;
    docContentHash = doc.body.contentHash;
    // An evidence file's entry as the evidence store logs it: contentHash = SM3 of the bytes.
    evidenceIndex = await server.database.db.transaction(
      async (tx) =>
        (
          await appendEntry(tx, {
            kind: 'evidence.file',
            recordId: crypto.randomUUID(),
            contentHash: sm3(evidence),
            caseId,
            at: new Date().toISOString(),
          })
        ).index,
    );
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a document's receipt: its ledger entry, proven against the current signed head", async () => {
    const r = await anon.get(`/api/ledger/records/${docId}/receipt`);
    assert.equal(r.status, 200, r.text);
    const receipt = r.body as Receipt;
    assert.equal(receipt.format, 'mingjing-receipt/1');
    assert.deepEqual(Object.keys(receipt).sort(), [
      'auditPath',
      'entry',
      'format',
      'index',
      'leafHash',
      'signedTreeHead',
    ]);
    assert.equal(receipt.entry.kind, 'document.version');
    assert.equal(receipt.entry.recordId, docId);
    assert.equal(receipt.entry.contentHash, docContentHash);
    assert.equal(r.headers.get('content-disposition'), null, 'inline unless ?download=1');
    const sth = (await anon.get('/api/ledger/sth')).body;
    assert.deepEqual(receipt.signedTreeHead, sth, 'the current head, as /api/ledger/sth publishes it');
    const checks = verifyReceipt(receipt, { trustedPublicKeys: [sth.publicKey] });
    assert.equal(receiptVerified(checks), true, JSON.stringify(checks));
    // The same entry by index.
    const byIndex = await anon.get(`/api/ledger/receipt?index=${receipt.index}`);
    assert.equal(byIndex.status, 200, byIndex.text);
    assert.deepEqual(byIndex.body, receipt);
    // No personal data: the receipt is ids, hashes, times and codes.
    const interviewee = SAMPLE_DATA.inquiry_record.interviewee as unknown as Record<string, string>;
    for (const v of [interviewee.name, interviewee.residentIdNumber, '蚌埠回执测试餐饮管理有限公司']) {
      assert.ok(v && !r.text.includes(v), `the receipt shows ${v}`);
    }
  });

  test("a case's receipt is its newest event; ?index= picks an older one of the same record", async () => {
    const events = (await anon.get(`/api/ledger/records/${caseId}`)).body.entries as { index: number }[];
    assert.ok(events.length >= 1);
    const newest = await anon.get(`/api/ledger/records/${caseId}/receipt`);
    assert.equal(newest.status, 200, newest.text);
    assert.equal(newest.body.index, events.at(-1)!.index);
    assert.equal(newest.body.entry.kind, 'case.event');
    const first = await anon.get(`/api/ledger/records/${caseId}/receipt?index=${events[0]!.index}`);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.index, events[0]!.index);
    assert.equal(receiptVerified(verifyReceipt(first.body)), true);
  });

  test('bad input: 400/404 with stable codes naming the field', async () => {
    const size = (await anon.get('/api/ledger/sth')).body.treeSize as number;
    const docEntry = (await anon.get(`/api/ledger/records/${docId}`)).body.entries[0].index as number;
    const cases: [string, number, string, string | undefined][] = [
      [`/api/ledger/receipt?index=${size}`, 400, 'INVALID_RANGE', 'index'],
      [`/api/ledger/receipt?index=${size + 1000}`, 400, 'INVALID_RANGE', 'index'],
      ['/api/ledger/receipt?index=-1', 400, 'VALIDATION_FAILED', undefined],
      ['/api/ledger/receipt?index=abc', 400, 'VALIDATION_FAILED', undefined],
      ['/api/ledger/receipt', 400, 'FIELD_REQUIRED', undefined],
      ['/api/ledger/receipt?index=0&download=2', 400, 'VALIDATION_FAILED', undefined],
      ['/api/ledger/receipt?index=0&extra=1', 400, 'UNKNOWN_FIELD', undefined],
      [`/api/ledger/records/${crypto.randomUUID()}/receipt`, 404, 'LEDGER_RECORD_NOT_FOUND', 'recordId'],
      [`/api/ledger/records/${caseId}/receipt?index=${docEntry}`, 404, 'LEDGER_ENTRY_NOT_FOUND', 'index'],
      [`/api/ledger/records/${docId}/receipt?index=${size + 5}`, 404, 'LEDGER_ENTRY_NOT_FOUND', 'index'],
    ];
    for (const [url, status, code, field] of cases) {
      const r = await anon.get(url);
      assert.equal(r.status, status, `${url}: ${r.text}`);
      assert.equal(r.body.error.code, code, `${url}: ${r.text}`);
      if (field) assert.equal(r.body.error.field, field, url);
      assert.match(r.body.error.message, /[\u4e00-\u9fff]/, url);
    }
  });

  test('the CLI verifies downloaded receipts and their file (exit 0) and refuses one changed byte (exit 1)', async () => {
    const doc = await anon.get(`/api/ledger/records/${docId}/receipt?download=1`);
    assert.equal(doc.status, 200, doc.text);
    const index = (doc.body as Receipt).index;
    assert.equal(doc.headers.get('content-disposition'), `attachment; filename=receipt-${index}.json`);
    const docFile = path.join(dir, `receipt-${index}.json`);
    writeFileSync(docFile, doc.text);
    const key = (doc.body as Receipt).signedTreeHead.publicKey;
    // One byte of the entry's time (a digit of the seconds): the entry is no longer the logged one.
    const at = (doc.body as Receipt).entry.at;
    const pos = doc.text.indexOf(at) + 17;
    const changed = doc.text.slice(0, pos) + (doc.text[pos] === '0' ? '1' : '0') + doc.text.slice(pos + 1);
    assert.equal(Buffer.byteLength(changed), Buffer.byteLength(doc.text));
    assert.notEqual(changed, doc.text);
    const tampered = path.join(dir, 'tampered.json');
    writeFileSync(tampered, changed);
    // An evidence file and its receipt; the same file with its last bit flipped.
    const ev = await anon.get(`/api/ledger/receipt?index=${evidenceIndex}&download=1`);
    assert.equal(ev.status, 200, ev.text);
    const evFile = path.join(dir, 'evidence-receipt.json');
    writeFileSync(evFile, ev.text);
    const video = path.join(dir, 'video.mp4');
    writeFileSync(video, evidence);

    // Three independent processes at once (each spends most of its time loading TypeScript); a
    // file that does not match is refused by the same check (receipt.test.ts, /verify below).
    const [ok, bad, fileOk] = await Promise.all([
      cli(['--receipt', docFile, '--public-key', key]),
      cli(['--receipt', tampered, '--public-key', key]),
      cli(['--receipt', evFile, '--file', video]),
    ]);
    assert.equal(ok.status, 0, ok.out);
    assert.match(ok.out, /✔ 包含证明/);
    assert.match(ok.out, /✔ 树头签名/);
    assert.match(ok.out, /✔ 平台公钥/);
    assert.match(ok.out, /核验通过/);
    assert.doesNotMatch(ok.out, /✘/);

    assert.equal(bad.status, 1, bad.out);
    assert.match(bad.out, /✘ 条目哈希/);
    assert.match(bad.out, /✘ 包含证明/);
    assert.match(bad.out, /核验未通过/);

    assert.equal(fileOk.status, 0, fileOk.out);
    assert.match(fileOk.out, /✔ 文件比对/);
    assert.ok(fileOk.out.includes(sm3(evidence)), 'the file streamed through SM3');
  });

  test('the OpenSSL commands of docs/receipts.md verify a receipt by hand and refuse a forged one', async (t) => {
    const missing = missingTools();
    if (missing) {
      const msg = `docs/receipts.md by-hand check NOT RUN: ${missing}`;
      if (process.env.CI === 'true')
        assert.fail(`${msg} (CI=true: bash, OpenSSL 3, jq and xxd are required)`);
      console.error(`\n${'!'.repeat(100)}\n!!! ${msg}\n${'!'.repeat(100)}\n`);
      t.skip(msg);
      return;
    }
    const work = mkdtempSync(path.join(dir, 'by-hand-'));
    const receipt = (await anon.get(`/api/ledger/receipt?index=${evidenceIndex}`)).text;
    writeFileSync(path.join(work, 'receipt.json'), receipt);
    writeFileSync(path.join(work, 'video.mp4'), evidence);
    const ok = byHand(work);
    assert.equal(ok.status, 0, ok.out);
    assert.match(ok.out, /OK file\nOK leafHash\nOK inclusion \(sn=0\)\nSignature Verified Successfully/);
    // A head whose timestamp was moved by a millisecond: only the signature catches it.
    const r = JSON.parse(receipt) as Receipt;
    r.signedTreeHead.timestamp = new Date(Date.parse(r.signedTreeHead.timestamp) + 1).toISOString();
    writeFileSync(path.join(work, 'receipt.json'), JSON.stringify(r));
    const forged = byHand(work);
    assert.notEqual(forged.status, 0, forged.out);
    assert.match(forged.out, /OK inclusion/);
    assert.doesNotMatch(forged.out, /Signature Verified Successfully/);
    // An audit path element changed: the inclusion step fails.
    const p = JSON.parse(receipt) as Receipt;
    p.auditPath[0] = sm3('not a sibling');
    writeFileSync(path.join(work, 'receipt.json'), JSON.stringify(p));
    const path0 = byHand(work);
    assert.notEqual(path0.status, 0, path0.out);
    assert.match(path0.out, /FAILED inclusion/);
  });

  test('/verify: a receipt is checked offline and against the published heads, after the log grew', async () => {
    const receipt = (await anon.get(`/api/ledger/records/${docId}/receipt`)).body as Receipt;
    // The log grows after the receipt was issued: the old head must be consistent with the new one.
    await server.database.db.transaction((tx) =>
      appendEntry(tx, {
        kind: 'case.event',
        recordId: crypto.randomUUID(),
        contentHash: sm3('later'),
        caseId: null,
        at: new Date().toISOString(),
      }),
    );
    const page = await anon.request('POST', '/verify', form({ receipt: JSON.stringify(receipt) }));
    assert.equal(page.status, 200, page.text.slice(0, 500));
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.deepEqual(pageChecks(page.text), {
      format: true,
      leafHash: true,
      inclusion: true,
      signature: true,
      publicKey: true,
      publishedHead: true,
      consistency: true,
    });
    assert.match(page.text, /回执真实有效/);
    const sth = (await anon.get('/api/ledger/sth')).body;
    assert.ok(sth.treeSize > receipt.signedTreeHead.treeSize, 'checked against a larger tree');

    // Tampered entry: offline checks fail; the head is still the platform's.
    const tampered = structuredClone(receipt);
    tampered.entry.at = '2020-01-01T00:00:00.000Z';
    const t = await anon.request('POST', '/verify', form({ receipt: JSON.stringify(tampered) }));
    assert.equal(t.status, 200);
    assert.deepEqual(pageChecks(t.text), {
      format: true,
      leafHash: false,
      inclusion: false,
      signature: true,
      publicKey: true,
      publishedHead: true,
      consistency: true,
    });
    assert.match(t.text, /回执核验未通过/);

    // A self-consistent forgery: a head for another root, signed with another key.
    const forger = generateSm2KeyPair();
    const forged = structuredClone(receipt);
    forged.signedTreeHead.rootHash = sm3('a forged tree');
    forged.signedTreeHead.publicKey = forger.publicKeyHex;
    forged.signedTreeHead.signature = sm2Sign(forger.privateKeyHex, treeHeadMessage(forged.signedTreeHead));
    const f = await anon.request('POST', '/verify', form({ receipt: JSON.stringify(forged) }));
    const fc = pageChecks(f.text);
    assert.equal(fc.signature, true, 'the forger signed it');
    assert.equal(fc.publicKey, false);
    assert.equal(fc.publishedHead, false);
    assert.equal(fc.consistency, false);

    // Not a receipt at all: one failed format check, in Chinese.
    const j = await anon.request('POST', '/verify', form({ receipt: '{"hello":' }));
    assert.equal(j.status, 200);
    assert.deepEqual(pageChecks(j.text), { format: false });
    assert.match(j.text, /不是有效的 JSON/);
  });

  test('/verify: a file alone is looked up by its SM3; with its receipt the file check passes', async () => {
    const page = await anon.request('POST', '/verify', form({ file: evidence }));
    assert.equal(page.status, 200, page.text.slice(0, 500));
    assert.match(page.text, new RegExp(sm3(evidence)));
    assert.match(page.text, new RegExp(`登记在账本第${evidenceIndex}条`));
    assert.ok(
      page.text.includes(`/api/ledger/receipt?index=${evidenceIndex}&amp;download=1`),
      'receipt link',
    );
    // The link serves the receipt as a file.
    const dl = await anon.get(`/api/ledger/receipt?index=${evidenceIndex}&download=1`);
    assert.equal(dl.headers.get('content-disposition'), `attachment; filename=receipt-${evidenceIndex}.json`);

    const unknown = await anon.request('POST', '/verify', form({ file: Buffer.from('从未登记的文件') }));
    assert.equal(unknown.status, 200);
    assert.match(unknown.text, /账本中没有与该文件摘要相同的登记/);
    assert.doesNotMatch(unknown.text, /登记在账本第/);

    const both = await anon.request('POST', '/verify', form({ receipt: dl.text, file: evidence }));
    assert.equal(pageChecks(both.text).fileHash, true);
    assert.match(both.text, /回执真实有效/);
    const altered = Buffer.from(evidence);
    altered[0]! ^= 1;
    const wrong = await anon.request('POST', '/verify', form({ receipt: dl.text, file: altered }));
    assert.equal(pageChecks(wrong.text).fileHash, false);
    assert.equal(pageChecks(wrong.text).inclusion, true);
  });

  // Was a bug: a genuine PDF uploaded with its own receipt failed ("回执核验未通过"): the entry holds the
  // SM3 of the document's structured content, never the PDF's. The PDF is now compared with the one
  // the platform renders from the logged content.
  test("/verify: a document's PDF with its own receipt passes; an altered PDF does not", async () => {
    const officer = await loggedIn(server, 'scjg_officer1');
    const res = await fetch(`${server.url}/api/documents/${docId}/pdf`, {
      headers: { cookie: officer.cookie },
    });
    assert.equal(res.status, 200);
    const pdf = Buffer.from(await res.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    // The receipt as the document's public page offers it.
    const page = await anon.get(`/documents/${docId}`);
    const href = /href="([^"]*receipt[^"]*)"/.exec(page.text)![1]!.replaceAll('&amp;', '&');
    const receipt = await anon.get(href);
    assert.equal(receipt.status, 200);

    const both = await anon.request(
      'POST',
      '/verify',
      form({ receipt: receipt.text, file: pdf, fileName: 'doc.pdf' }),
    );
    assert.equal(both.status, 200, both.text.slice(0, 500));
    assert.deepEqual(pageChecks(both.text), {
      format: true,
      leafHash: true,
      inclusion: true,
      signature: true,
      publicKey: true,
      fileHash: true,
      publishedHead: true,
      consistency: true,
    });
    assert.match(both.text, /回执真实有效/);
    assert.match(both.text, /正是这份文书的 PDF/);

    const altered = Buffer.from(pdf);
    altered[altered.length - 20]! ^= 1;
    const wrong = await anon.request(
      'POST',
      '/verify',
      form({ receipt: receipt.text, file: altered, fileName: 'doc.pdf' }),
    );
    const wc = pageChecks(wrong.text);
    assert.equal(wc.fileHash, false);
    assert.equal(wc.inclusion, true);
    assert.match(wrong.text, /回执核验未通过/);
    assert.match(wrong.text, /不一致/);

    // The PDF alone: it names its document's content hash; the bytes decide.
    const alone = await anon.request('POST', '/verify', form({ file: pdf, fileName: 'doc.pdf' }));
    assert.equal(alone.status, 200);
    assert.match(alone.text, /data-testid="file-document"/);
    assert.match(alone.text, /正是账本第/);
    const alteredAlone = await anon.request('POST', '/verify', form({ file: altered, fileName: 'doc.pdf' }));
    assert.match(alteredAlone.text, /标注为本平台的执法文书，但与平台按登记内容生成的 PDF/);
    assert.doesNotMatch(alteredAlone.text, /data-testid="file-document"/);

    // Another document's PDF with this receipt is not this document.
    const other = await anon.request(
      'POST',
      '/verify',
      form({ receipt: receipt.text, file: Buffer.from('%PDF-1.7 另一份文件') }),
    );
    assert.equal(pageChecks(other.text).fileHash, false);
  });

  test('/verify: the form page, empty and oversized uploads, and no CSRF token needed', async () => {
    const get = await anon.get('/verify');
    assert.equal(get.status, 200);
    const formTag = /<form[^>]*>/.exec(get.text)?.[0] ?? '';
    assert.match(formTag, /method="post"/);
    assert.match(formTag, /action="\/verify"/);
    // React writes encType; HTML attribute names are case-insensitive.
    assert.match(formTag, /enctype="multipart\/form-data"/i);
    assert.match(get.text, /name="receipt"/);
    assert.match(get.text, /name="file"/);
    assert.match(get.text, /<meta name="viewport" content="width=device-width, initial-scale=1"/);

    // Empty file inputs, as a browser sends them (filename "" and no bytes): asked to choose a file.
    const empty = new FormData();
    empty.append('receipt', new Blob([]), '');
    empty.append('file', new Blob([]), '');
    const e = await anon.request('POST', '/verify', empty);
    assert.equal(e.status, 400, e.text.slice(0, 300));
    assert.match(e.text, /请至少选择一个文件/);

    const big = await anon.request('POST', '/verify', form({ receipt: Buffer.alloc(65 * 1024, 0x20) }));
    assert.equal(big.status, 413, big.text.slice(0, 300));
    assert.match(big.text, /64 KiB/);

    const other = new FormData();
    other.append('note', '你好');
    const o = await anon.request('POST', '/verify', other);
    assert.equal(o.status, 400);
    assert.match(o.text, /不允许的字段/);

    // A staff member's browser carries the session cookie but the form sends no x-csrf-token: the
    // page is public and changes nothing, so it answers all the same.
    const staff = await loggedIn(server, 'scjg_officer1');
    const noToken = new Client(server.url);
    noToken.cookie = staff.cookie;
    const s = await noToken.request('POST', '/verify', form({ file: evidence }));
    assert.equal(s.status, 200, s.text.slice(0, 300));
    assert.match(s.text, /登记在账本第/);
  });

  test('the portal links to /verify and the document page offers its receipt', async () => {
    const home = await anon.get('/');
    assert.match(home.text, /href="\/verify"/);
    const ledger = await anon.get('/ledger');
    assert.match(ledger.text, /href="\/verify"/);
    const page = await anon.get(`/documents/${docId}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /下载存证回执/);
    const href = /href="([^"]+)"[^>]*>下载存证回执/.exec(page.text)?.[1]?.replaceAll('&amp;', '&');
    assert.equal(href, `/api/ledger/records/${docId}/receipt?download=1`);
    const dl = await anon.get(href!);
    assert.equal(dl.status, 200);
    assert.match(dl.headers.get('content-disposition') ?? '', /^attachment; filename=receipt-\d+\.json$/);
    assert.equal(receiptVerified(verifyReceipt(dl.body)), true);
  });
});
