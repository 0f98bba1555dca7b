// Recall and decoy precision of the redaction engine, per kind and per corpus, with every miss listed
// (src/modules/publicity/rules/redaction-corpus*.ts; figures recorded in docs/publicity.md).
//   node --import tsx scripts/redaction-recall.ts

import {
  findPersonalData,
  REDACTION_KIND_LABELS,
  type RedactionKind,
} from '../src/modules/publicity/rules/redaction.ts';
import {
  type CorpusCase,
  REDACTION_CORPUS,
  scoreCorpus,
} from '../src/modules/publicity/rules/redaction-corpus.ts';
import {
  REDACTION_BLIND,
  REDACTION_HOLDOUT,
} from '../src/modules/publicity/rules/redaction-corpus-holdout.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(title: string, corpus: readonly CorpusCase[]) {
  const score = scoreCorpus(corpus, (c) => findPersonalData(c.text, c.subject));
  console.log(`\n== ${title}：${corpus.length} 篇`);
  for (const [kind, s] of Object.entries(score.byKind)) {
    console.log(
      `  ${REDACTION_KIND_LABELS[kind as RedactionKind]}：${s.found}/${s.expected} = ${pct(s.recall)}`,
    );
  }
  const free = ['person_name', 'address', 'health'].map((k) => score.byKind[k] ?? { found: 0, expected: 0 });
  const found = free.reduce((n, s) => n + s.found, 0);
  const expected = free.reduce((n, s) => n + s.expected, 0);
  console.log(`  自由文本（姓名、住址、健康）：${found}/${expected} = ${pct(found / expected)}`);
  console.log(
    `  当事人自身信息：${score.subject.found}/${score.subject.expected} = ${pct(score.subject.recall)}`,
  );
  console.log(`  干扰项保留：${score.decoys.kept}/${score.decoys.total} = ${pct(score.decoys.precision)}`);
  console.log(`  用时：${score.millis.toFixed(0)} ms`);
  if (score.misses.length) console.log(`  漏隐去：\n    ${score.misses.join('\n    ')}`);
  if (score.removedDecoys.length) console.log(`  误隐去：\n    ${score.removedDecoys.join('\n    ')}`);
}

report('调校语料 C01–C44', REDACTION_CORPUS);
report('留出语料 H01–H12（测后调校过）', REDACTION_HOLDOUT);
report('盲测语料 B01–B10（只测未调）', REDACTION_BLIND);
report('合计', [...REDACTION_CORPUS, ...REDACTION_HOLDOUT, ...REDACTION_BLIND]);
