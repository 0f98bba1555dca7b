/**
 * Chinese word segmentation with part-of-speech tags for the redaction engine, by `@node-rs/jieba`
 * (a Rust build of jieba shipped with its dictionary; prebuilt native binary from the npm registry).
 * The dictionary (~5 MB) is read once, on the first text that needs it, so importing this file costs
 * nothing at server start.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

export interface Token {
  word: string;
  /** jieba's ICTCLAS-style tag: `nr*` person name, `ns` place, `m` number, `v` verb, `x` unknown/punctuation … */
  tag: string;
  start: number;
  end: number;
}

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** The words of `text` with their offsets (jieba's words concatenate back to the input). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const { word, tag } of segmenter().tag(text, true)) {
    // Defensive: should a word not be where we expect it, find it (jieba keeps every character).
    const start = text.startsWith(word, at) ? at : text.indexOf(word, at);
    if (start < 0) continue;
    out.push({ word, tag, start, end: start + word.length });
    at = start + word.length;
  }
  return out;
}

/** Index of the first token that ends after `offset` (the token containing or following it). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const isHan = (s: string) => /^[\u3400-\u9fff]+$/.test(s);
