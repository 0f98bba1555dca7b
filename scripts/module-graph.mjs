// The import graph between the modules (each folder under src/modules is one) and its cycles. A cycle
// means two modules can only be understood, tested and changed together; the composition root
// (src/composition.ts) is where one module's use case is handed to another instead. Type-only and
// dynamic imports count too: they couple the modules' code all the same.
//   node scripts/module-graph.mjs           exit 1 when the modules' graph has a cycle
//   node scripts/module-graph.mjs --edges   also print every edge with the files that make it
//   node scripts/module-graph.mjs --all     every part of src/ (src/platform/* too, and the root files)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

/** `modules/cases`, `platform/ledger`, or the file itself for what sits directly in src/ or src/demo. */
function partOf(file) {
  const parts = relative(src, file).split(sep);
  if ((parts[0] === 'modules' || parts[0] === 'platform') && parts.length > 2)
    return `${parts[0]}/${parts[1]}`;
  return parts[0] === 'demo' ? 'demo' : parts.join('/');
}

const all = process.argv.includes('--all');
const counted = (part) => all || part.startsWith('modules/');

const edges = new Map(); // part → Map(part → [file → specifier])
for (const file of sourceFiles(src)) {
  const from = partOf(file);
  if (!counted(from)) continue;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const target = resolve(dirname(file), fileName);
    if (!target.startsWith(src + sep)) continue;
    const to = partOf(target);
    if (to === from || !counted(to)) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const out = edges.get(from);
    if (!out.has(to)) out.set(to, []);
    out.get(to).push(`${relative(root, file)} → ${fileName}`);
  }
}

// Tarjan's strongly connected components: every component of more than one part is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
let next = 0;
function visit(v) {
  index.set(v, next);
  low.set(v, next);
  next++;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!index.has(v)) visit(v);

if (process.argv.includes('--edges'))
  for (const [from, out] of [...edges].sort(([a], [b]) => a.localeCompare(b)))
    for (const [to, why] of [...out].sort(([a], [b]) => a.localeCompare(b)))
      console.log(`${from} → ${to}\n${why.map((w) => `    ${w}`).join('\n')}`);

for (const [from, out] of [...edges].sort(([a], [b]) => a.localeCompare(b)))
  console.log(`${from} → ${[...out.keys()].sort().join(', ')}`);
if (cycles.length === 0) console.log(`no import cycle between the ${all ? 'parts of src/' : 'modules'}`);
for (const c of cycles) {
  console.error(`import cycle between ${c.join(', ')}:`);
  for (const from of c)
    for (const [to, why] of edges.get(from) ?? [])
      if (c.includes(to)) console.error(`  ${from} → ${to}\n${why.map((w) => `      ${w}`).join('\n')}`);
}
process.exitCode = cycles.length ? 1 : 0;
