// Recall and decoy precision of the redaction engine on its corpus (src/modules/publicity/rules/
// redaction-corpus.ts), per kind, with every miss listed. Run: node --import tsx scripts/redaction-recall.ts

import {
  findPersonalData,
  REDACTION_KIND_LABELS,
  type RedactionKind,
} from '../src/modules/publicity/rules/redaction.ts';
import { REDACTION_CORPUS, scoreCorpus } from '../src/modules/publicity/rules/redaction-corpus.ts';

const score = scoreCorpus(REDACTION_CORPUS, (c) => findPersonalData(c.text, c.subject));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`语料：${REDACTION_CORPUS.length} 篇`);
for (const [kind, s] of Object.entries(score.byKind)) {
  console.log(
    `${REDACTION_KIND_LABELS[kind as RedactionKind].padEnd(6, '　')} 召回 ${s.found}/${s.expected} = ${pct(s.recall)}`,
  );
}
console.log(
  `当事人自身信息 召回 ${score.subject.found}/${score.subject.expected} = ${pct(score.subject.recall)}`,
);
console.log(`干扰项保留 ${score.decoys.kept}/${score.decoys.total} = ${pct(score.decoys.precision)}`);
console.log(`用时 ${score.millis.toFixed(0)} ms（含首次载入分词词典）`);
if (score.misses.length) console.log(`\n漏隐去：\n  ${score.misses.join('\n  ')}`);
if (score.removedDecoys.length) console.log(`\n误隐去：\n  ${score.removedDecoys.join('\n  ')}`);
