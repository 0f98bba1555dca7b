// Chinese labels of the whole-process records vocabulary, imported from the server's pure rules
// (src/modules/records/rules/vocabulary.ts) so the console and the server say the same words.

import * as vocabulary from '../../src/modules/records/rules/vocabulary.ts';
import { AV_STEP_LABELS, AV_STEPS } from './caseLabels.ts';
import type { CaseDetail } from './caseTypes.ts';
import type { Confidentiality, DeviceKind, MediaType, SpotCheckResult } from './recordTypes.ts';

export const MEDIA_TYPE_LABELS: Readonly<Record<MediaType, string>> = vocabulary.MEDIA_TYPE_LABELS;
export const AV_MEDIA_TYPES: readonly MediaType[] = vocabulary.AV_MEDIA_TYPES;
export const CONFIDENTIALITY_LABELS: Readonly<Record<Confidentiality, string>> =
  vocabulary.CONFIDENTIALITY_LABELS;
export const DEVICE_KIND_LABELS: Readonly<Record<DeviceKind, string>> = vocabulary.DEVICE_KIND_LABELS;
export const SPOT_CHECK_RESULT_LABELS: Readonly<Record<SpotCheckResult, string>> =
  vocabulary.SPOT_CHECK_RESULT_LABELS;
export const OTHER_STEP = vocabulary.OTHER_STEP;
export const OTHER_STEP_LABEL = vocabulary.OTHER_STEP_LABEL;

export const MEDIA_TYPE_COLORS: Record<MediaType, string> = {
  photo: 'blue',
  audio: 'purple',
  video: 'magenta',
  document: 'cyan',
  other: 'default',
};

export const isAvMedia = (t: MediaType | string): boolean => AV_MEDIA_TYPES.includes(t as MediaType);

/** The step an evidence record belongs to, in Chinese. */
export function stepLabel(stepKey: string): string {
  return stepKey === OTHER_STEP ? OTHER_STEP_LABEL : (AV_STEP_LABELS[stepKey] ?? stepKey);
}

/** The steps a record can be filed under: the current steps' AV steps first, the procedure's, then 其他证据. */
export function evidenceStepOptions(c: CaseDetail): { value: string; label: string }[] {
  const needed = c.actions.map((a) => a.av?.step).filter((s): s is string => Boolean(s));
  const steps = [...new Set([...needed, ...AV_STEPS[c.procedure]])];
  return [
    ...steps.map((s) => ({
      value: s,
      label: needed.includes(s) ? `${stepLabel(s)}（当前环节）` : stepLabel(s),
    })),
    { value: OTHER_STEP, label: OTHER_STEP_LABEL },
  ];
}

/** The media type a file most likely is, from its MIME type. */
export function mediaTypeOfFile(mime: string): MediaType {
  if (mime.startsWith('image/')) return 'photo';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  return 'document';
}

/** 1234567 → "1.18 MiB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[i]}`;
}

/** A fraction as a percentage: 0.1666 → "16.7%". */
export function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

/** The first and last characters of a hash, for tables; the full hash is copyable beside it. */
export const shortHash = (h: string): string => (h.length > 16 ? `${h.slice(0, 8)}…${h.slice(-4)}` : h);
