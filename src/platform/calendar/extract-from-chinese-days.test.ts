// Provenance: the committed data/<year>.json are exactly what the generator derives from chinese-days.
// If this fails after upgrading chinese-days, re-run the generator and check the diff against the notices.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBundledCalendarYears } from './bundled.ts';
import { extractCalendarYears } from './extract-from-chinese-days.ts';

test('bundled data equals what chinese-days gives, with our notice citations', () => {
  assert.deepEqual(loadBundledCalendarYears(), extractCalendarYears());
});
