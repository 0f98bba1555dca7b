import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CanonicalJsonError, canonicalJson, canonicalJsonBytes } from './canonical-json.ts';
import { toHex } from './hash.ts';

describe('canonical JSON (RFC 8785)', () => {
  test('§3.2.2 example: whitespace, literals, numbers and string escapes', () => {
    // Parsed from the RFC's JSON text so that the number literals go through JSON.parse as in
    // the RFC (333333333.33333329, 1E30, 4.50, 2e-3, 1e-27).
    const input = JSON.parse(`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
      "literals": [null, true, false]
    }`);
    assert.equal(
      canonicalJson(input),
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  test('§3.2.3 example: keys sorted by UTF-16 code units, not code points or UTF-8', () => {
    const input = JSON.parse(`{
      "\\u20ac": "Euro Sign",
      "\\r": "Carriage Return",
      "\\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\\ud83d\\ude00": "Emoji: Grinning Face",
      "\\u0080": "Control",
      "\\u00f6": "Latin Small Letter O With Diaeresis"
    }`);
    assert.equal(
      canonicalJson(input),
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  test('Appendix B: number serialisation (ECMAScript Number.prototype.toString)', () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [-0, '0'],
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'],
      [-1.5, '-1.5'],
      [295147905179352830000, '295147905179352830000'],
      [0.1 + 0.2, '0.30000000000000004'],
    ];
    for (const [n, expected] of cases) assert.equal(canonicalJson(n), expected, String(n));
  });

  test('nested objects are sorted at every level; arrays keep their order', () => {
    assert.equal(
      canonicalJson({ b: [3, { z: 1, a: 2 }], a: { d: null, c: 'x' } }),
      '{"a":{"c":"x","d":null},"b":[3,{"a":2,"z":1}]}',
    );
  });

  test('UTF-8 bytes of the canonical form; non-ASCII is not escaped', () => {
    assert.equal(canonicalJson({ 案由: '罚款' }), '{"案由":"罚款"}');
    assert.equal(toHex(canonicalJsonBytes({ a: '€' })), '7b2261223a22e282ac227d');
  });

  test('toJSON is honoured (Date → ISO string) and a "__proto__" key is kept as data', () => {
    assert.equal(canonicalJson({ at: new Date(Date.UTC(2025, 0, 2)) }), '{"at":"2025-01-02T00:00:00.000Z"}');
    assert.equal(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":0}')), '{"__proto__":{"x":1},"a":0}');
  });

  test('rejects what JSON cannot represent faithfully, naming the path', () => {
    const cases: Array<[unknown, RegExp]> = [
      [undefined, /undefined .* at \$$/],
      [{ a: 1, b: undefined }, /undefined .* at \$\.b$/],
      [[1, undefined], /undefined .* at \$\[1\]$/],
      [{ f: () => 1 }, /function .* at \$\.f$/],
      [{ n: Number.NaN }, /non-finite number NaN at \$\.n$/],
      [{ n: [Number.POSITIVE_INFINITY] }, /non-finite number Infinity at \$\.n\[0\]$/],
      [{ n: -Infinity }, /non-finite/],
      [{ big: 1n }, /bigint/],
      [{ s: Symbol('x') }, /symbol/],
      [{ 'a b': '\ud800' }, /lone surrogate at \$\["a b"\]$/],
      [{ '\udc00': 1 }, /key contains a lone surrogate/],
      [new Map([['a', 1]]), /Map is not a plain object/],
      [{ bytes: new Uint8Array(2) }, /Uint8Array is not a plain object at \$\.bytes$/],
      // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the case
      [[1, , 3], /sparse array hole at \$\[1\]$/],
    ];
    for (const [value, re] of cases) {
      assert.throws(
        () => canonicalJson(value),
        (e: unknown) => e instanceof CanonicalJsonError && re.test(e.message),
      );
    }
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    assert.throws(() => canonicalJson(cyclic), /circular reference at \$\.self$/);
  });

  test('the same object referenced twice is not a cycle', () => {
    const shared = { x: 1 };
    assert.equal(canonicalJson({ a: shared, b: shared }), '{"a":{"x":1},"b":{"x":1}}');
  });
});
