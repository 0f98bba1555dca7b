import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import jsqr from 'jsqr';
import { fromHex, generateSm2KeyPair, sm2Verify } from '../../../platform/crypto/index.ts';
import { resetDocumentFontsCache } from './fonts.ts';
import { LINE_START_PROHIBITED } from './linebreak.ts';
import { extractPdfText } from './pdf-text.ts';
import {
  DocumentDataError,
  type RenderDocumentInput,
  renderDocumentPdf,
  verifyDocumentSignature,
} from './render-pdf.ts';
import { SAMPLE_AGENCY, SAMPLE_DATA } from './samples.ts';
import { getTemplate } from './templates.ts';
import { DOCUMENT_KINDS, type DocumentData, type DocumentKind } from './types.ts';

// jsqr is CommonJS with an ES-style default export: under NodeNext the function is `.default`.
const jsQR = jsqr.default;

const keys = generateSm2KeyPair();
const VERIFY_URL = 'https://zf.bengbu.gov.cn/v/9f3a6c1e2b7d4e58';

function input(kind: DocumentKind, data: DocumentData = SAMPLE_DATA[kind]): RenderDocumentInput {
  const template = getTemplate(kind);
  return {
    template,
    data,
    agencyName: SAMPLE_AGENCY,
    documentNumber: template.numberPrefix ? `蚌市监${template.numberPrefix}〔2026〕17号` : null,
    verifyUrl: VERIFY_URL,
    seal: { ...keys, agencyName: SAMPLE_AGENCY },
    issuedAt: '2026-03-20T10:00:00+08:00',
  };
}

after(() => {
  delete process.env.MINGJING_DOCUMENT_FONT;
  resetDocumentFontsCache();
});

test('each kind renders to a small PDF with selectable text', async (t) => {
  for (const kind of DOCUMENT_KINDS) {
    const r = await renderDocumentPdf(input(kind));
    t.diagnostic(`${kind}: ${(r.pdf.length / 1024).toFixed(0)} KB, ${r.pages} page(s), font ${r.font}`);
    assert.equal(r.pdf.subarray(0, 8).toString('latin1'), '%PDF-1.7');
    assert.match(r.pdf.subarray(-8).toString('latin1'), /%%EOF\s*$/);
    assert.ok(r.pdf.length < 400 * 1024, `${kind}: ${r.pdf.length} bytes`);
    assert.deepEqual(r.missingGlyphs, [], kind);
    assert.ok(r.pdf.includes('/ToUnicode'), `${kind}: no ToUnicode CMap`);
    const pages = extractPdfText(r.pdf);
    assert.equal(pages.length, r.pages);
    const all = pages.join('\n');
    assert.ok(all.startsWith(`${SAMPLE_AGENCY}\n${r.content.title}`), `${kind}: ${all.slice(0, 40)}`);
    assert.ok(!all.includes('\uFFFD'), `${kind}: unmapped glyph`);
    assert.ok(all.includes('扫码核验文书真伪') && all.includes(VERIFY_URL), kind);
    assert.ok(all.includes(`SM3 ${r.contentHash.slice(0, 16)}　SM2-SM3`), kind);
    // Kinsoku, in the real output: no line of the page starts with a closing mark.
    for (const line of all.split('\n'))
      assert.ok(!LINE_START_PROHIBITED.has(Array.from(line)[0] ?? ''), `${kind}: «${line}»`);
  }
});

test('a rare character (䶮, CJK Extension A) in a party name is embedded and extractable', async () => {
  const r = await renderDocumentPdf(input('penalty_decision'));
  const text = extractPdfText(r.pdf).join('\n');
  assert.match(text, /经营者：刘䶮，身份证号码：340302198805123010/);
  assert.match(text, /^当事人：蚌埠市蚌山区鑫淼食品商行（个体工商户）$/m);
});

test('the SM2 signature over the content hash verifies, and fails once one field changes', async () => {
  const r = await renderDocumentPdf(input('penalty_decision'));
  assert.ok(r.signature);
  assert.ok(sm2Verify(keys.publicKeyHex, fromHex(r.contentHash), r.signature));
  const changed = await renderDocumentPdf(
    input('penalty_decision', { ...SAMPLE_DATA.penalty_decision, fineFen: 4000000 }),
  );
  assert.notEqual(changed.contentHash, r.contentHash);
  assert.equal(sm2Verify(keys.publicKeyHex, fromHex(changed.contentHash), r.signature), false);
  const other = generateSm2KeyPair();
  await assert.rejects(
    renderDocumentPdf({
      ...input('penalty_decision'),
      seal: { ...keys, publicKeyHex: other.publicKeyHex, agencyName: SAMPLE_AGENCY },
    }),
    /does not match/,
  );
  assert.equal(verifyDocumentSignature(r.content, r.signature, keys.publicKeyHex).valid, true);
  const tampered = { ...r.content, data: { ...r.content.data, fineFen: 500000 } };
  assert.equal(verifyDocumentSignature(tampered, r.signature, keys.publicKeyHex).valid, false);
  const unsigned = await renderDocumentPdf({ ...input('penalty_decision'), seal: undefined });
  assert.equal(unsigned.signature, undefined);
  assert.equal(unsigned.contentHash, r.contentHash);
  assert.match(extractPdfText(unsigned.pdf).join('\n'), /未加盖电子签章/);
});

test('rendering is deterministic: same inputs, same bytes (the signature is not printed)', async () => {
  const a = await renderDocumentPdf(input('coercive_measure_decision'));
  const b = await renderDocumentPdf(input('coercive_measure_decision'));
  assert.notEqual(a.signature, b.signature); // SM2 signatures are randomised
  assert.ok(a.pdf.equals(b.pdf));
  assert.ok(a.pdf.includes('(D:20260320020000Z)')); // CreationDate and ModDate from issuedAt
});

test('invalid data is refused before anything is rendered or signed', async () => {
  const bad = { ...SAMPLE_DATA.penalty_decision, facts: '', filingDate: '2026-13-01' };
  const err = await renderDocumentPdf(input('penalty_decision', bad)).then(
    () => assert.fail('rendered'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof DocumentDataError);
  assert.deepEqual(
    err.violations.map((v) => `${v.code}:${v.field}`),
    ['DOCUMENT_DATE_INVALID:filingDate', 'DOCUMENT_FIELD_REQUIRED:facts'],
  );
});

/** The filled rectangles of the last page inside the bottom margin: the vector QR code. */
function qrFromPdf(pdf: Buffer): string | undefined {
  const s = pdf.toString('latin1');
  const streams = [...s.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => {
    try {
      return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      return '';
    }
  });
  const page = streams.filter((c) => c.includes(' re\n')).at(-1) ?? '';
  const rects = [...page.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re\n(?=[\s\S]*?\nf\n)/g)]
    .map((m) => m.slice(1, 5).map(Number) as [number, number, number, number])
    .filter(([, y, , h]) => y > 700 && h < 3);
  const unit = Math.min(...rects.map((r) => r[3]));
  const x0 = Math.min(...rects.map((r) => r[0]));
  const y0 = Math.min(...rects.map((r) => r[1]));
  const size = Math.round((Math.max(...rects.map((r) => r[1])) - y0) / unit) + 1;
  const px = 4;
  const side = (size + 8) * px;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [x, y, w] of rects) {
    const col = Math.round((x - x0) / unit);
    const row = Math.round((y - y0) / unit);
    const cols = Math.round(w / unit);
    for (let py = (row + 4) * px; py < (row + 5) * px; py++) {
      for (let qx = (col + 4) * px; qx < (col + 4 + cols) * px; qx++)
        rgba.fill(0, (py * side + qx) * 4, (py * side + qx) * 4 + 3);
    }
  }
  return jsQR(rgba, side, side)?.data;
}

test('the QR code drawn in the PDF decodes to verifyUrl', async () => {
  const r = await renderDocumentPdf(input('service_receipt'));
  assert.equal(qrFromPdf(r.pdf), VERIFY_URL);
});

test('without Debian fonts the npm font (Noto Sans Hans) is used, rare characters included', async (t) => {
  process.env.MINGJING_DOCUMENT_FONT = 'npm';
  resetDocumentFontsCache();
  const r = await renderDocumentPdf(input('penalty_decision'));
  t.diagnostic(`penalty_decision with the npm font: ${(r.pdf.length / 1024).toFixed(0)} KB`);
  assert.equal(r.font, 'noto-sans-hans');
  assert.deepEqual(r.missingGlyphs, []);
  assert.ok(r.pdf.length < 400 * 1024);
  assert.match(extractPdfText(r.pdf).join('\n'), /刘䶮/);
});
