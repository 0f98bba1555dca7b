import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsqr from 'jsqr';
import QRCode from 'qrcode';
import { drawQr, qrMatrix, qrModuleRects, type Rect, rasterizeQr } from './qr.ts';

// jsqr is CommonJS with an ES-style default export: under NodeNext the function is `.default`.
const jsQR = jsqr.default;

const URL_ = 'https://zf.bengbu.gov.cn/v/9f3a6c1e2b7d4e58?h=80d8e25efe17eeed';

test('the rectangles cover exactly the dark modules of QRCode.create(verifyUrl)', () => {
  const m = qrMatrix(URL_);
  const reference = QRCode.create(URL_, { errorCorrectionLevel: 'M' }).modules;
  assert.equal(m.size, reference.size);
  const covered = new Uint8Array(m.size * m.size);
  for (const r of qrModuleRects(m)) {
    for (let x = r.x; x < r.x + r.w; x++) {
      assert.equal(covered[r.y * m.size + x], 0, 'rectangles overlap');
      covered[r.y * m.size + x] = 1;
    }
  }
  for (let row = 0; row < m.size; row++) {
    for (let col = 0; col < m.size; col++) {
      assert.equal(covered[row * m.size + col], reference.get(row, col) ? 1 : 0, `module ${row},${col}`);
    }
  }
});

test('the QR code as drawn decodes to the verification URL', () => {
  // Record what drawQr paints, scaled back to modules, and rasterise that.
  const painted: Rect[] = [];
  const side = 50;
  const m = drawQr(
    { rect: (x, y, w, h) => painted.push({ x, y, w, h }), fill: () => {} },
    URL_,
    100,
    700,
    side,
  );
  const unit = side / m.size;
  const back = painted.map((r) => ({
    x: Math.round((r.x - 100) / unit),
    y: Math.round((r.y - 700) / unit),
    w: Math.round(r.w / unit),
    h: 1,
  }));
  assert.deepEqual(back, qrModuleRects(m));
  const bitmap = rasterizeQr(m, 4);
  const decoded = jsQR(bitmap.rgba, bitmap.width, bitmap.height);
  assert.equal(decoded?.data, URL_);
});
