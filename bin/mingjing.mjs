#!/usr/bin/env node
// `npx mingjing …`: the compiled CLI (dist/cli.js), in this process. The server is built first when
// the build is missing or older than its sources, as `npm start` does (and the console with it for
// `mingjing start`), so the command never runs code older than the checkout and needs no tsx.
import { build } from '../scripts/build.mjs';

try {
  await build({ parts: process.argv[2] === 'start' ? ['server', 'web'] : ['server'] });
} catch (err) {
  process.stderr.write(`构建失败：${err.message}\n`);
  process.exit(1);
}
await import('../dist/cli.js');
