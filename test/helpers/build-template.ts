// `node --import tsx test/helpers/build-template.ts <pglite|postgres> <dir> <tag>`: builds the seeded
// template of one engine into <dir> (test/helpers/template.ts); scripts/test.mjs runs it before the
// runner and passes <dir> to the test files in MINGJING_TEST_TEMPLATE.
import { buildTemplate } from './template.ts';

const [engine, dir, tag] = process.argv.slice(2);
if ((engine !== 'pglite' && engine !== 'postgres') || !dir || !tag) {
  console.error('usage: build-template.ts <pglite|postgres> <dir> <tag>');
  process.exit(2);
}
const started = Date.now();
await buildTemplate(engine, dir, tag);
console.log(`template (${engine}) seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
