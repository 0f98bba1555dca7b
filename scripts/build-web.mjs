#!/usr/bin/env node
// Builds the staff console into web/dist when its sources are newer than the last build (--force:
// always), so `npm test`'s browser part serves the console that matches the checkout. The same build
// and lock as `npm start` (scripts/build.mjs).
import { build } from './build.mjs';

try {
  await build({ parts: ['web'], force: process.argv.includes('--force') });
} catch (err) {
  process.stderr.write(`构建失败：${err.message}\n`);
  process.exit(1);
}
