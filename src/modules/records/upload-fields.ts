import { AppError } from '../../platform/http/errors.ts';
import { assertCleanText } from '../../platform/http/input-guard.ts';
import type { EvidenceInput } from './evidence-service.ts';

/** Text fields of an evidence upload (multipart fields, or tus Upload-Metadata). */
export const EVIDENCE_FIELDS = new Set([
  'stepKey',
  'mediaType',
  'title',
  'capturedAt',
  'deviceId',
  'officerId',
  'location',
  'confidentiality',
  'partyId',
  'correctsId',
  'correctionReason',
  'sm3',
  'size',
]);

export function evidenceInputOf(
  caseId: string,
  fields: Record<string, string>,
  file: { fileName: string; mimeType: string },
): EvidenceInput {
  // Multipart fields and tus metadata bypass the JSON schemas' guard: the same check here.
  for (const [k, v] of Object.entries(fields)) assertCleanText(v, k);
  assertCleanText(caseId, 'caseId');
  assertCleanText(file.fileName, 'fileName', '文件名');
  assertCleanText(file.mimeType, 'mimeType', '文件类型');
  const size = fields.size === undefined || fields.size === '' ? undefined : Number(fields.size);
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 0))
    throw new AppError('VALIDATION_FAILED', '文件大小应为非负整数', 'size');
  for (const required of ['stepKey', 'mediaType', 'title', 'capturedAt'] as const)
    if (!fields[required]) throw new AppError('FIELD_REQUIRED', `缺少必填字段「${required}」`, required);
  return {
    caseId,
    stepKey: fields.stepKey!,
    mediaType: fields.mediaType!,
    title: fields.title!,
    fileName: file.fileName,
    mimeType: file.mimeType,
    capturedAt: fields.capturedAt!,
    deviceId: fields.deviceId,
    officerId: fields.officerId,
    location: fields.location,
    confidentiality: fields.confidentiality,
    partyId: fields.partyId,
    correctsId: fields.correctsId,
    correctionReason: fields.correctionReason,
    sm3: fields.sm3,
    size,
  };
}
