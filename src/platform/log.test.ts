import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { logFormatOf, prettyStream } from './log.ts';

test('LOG_FORMAT: pretty on a terminal, JSON into a pipe or file, and either when asked', () => {
  assert.equal(logFormatOf(undefined, true), 'pretty');
  assert.equal(logFormatOf('', false), 'json');
  assert.equal(logFormatOf('json', true), 'json');
  assert.equal(logFormatOf('pretty', false), 'pretty');
  assert.throws(() => logFormatOf('yaml', true), /LOG_FORMAT/);
});

test('a pretty request line is one line in Beijing time, without the JSON fields', () => {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  // 2026-12-04 16:30:00 UTC is 2026-12-05 00:30:00 in Beijing.
  const log = pino(
    { level: 'debug', timestamp: () => `,"time":${Date.UTC(2026, 11, 4, 16, 30)}` },
    prettyStream(sink),
  );
  log.debug({ method: 'GET', url: '/api/cases', statusCode: 200, ms: 12 }, 'GET /api/cases 200 12 ms');
  const lines = out.trimEnd().split('\n');
  assert.equal(lines.length, 1, out);
  assert.match(lines[0]!, /^2026-12-05 00:30:00 DEBUG: GET \/api\/cases 200 12 ms$/);
});
