import type { Readable } from 'node:stream';
import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type BlobSource, type ByteRange, tooLarge } from '../../platform/blobs/store.ts';
import { canonicalJsonBytes, hashHex } from '../../platform/crypto/index.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { appendEntries } from '../../platform/ledger/index.ts';
import { ruleValue } from '../../platform/rulebook/resolve.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import * as org from '../org/service.ts';
import { checkOpen, logAccess } from './access-service.ts';
import type { CaseRef } from './case-links.ts';
import type { RecordsDeps } from './deps.ts';
import { summaryOf } from './evidence-reads.ts';
import { checkEvidenceMetadata, isAvMedia, isLateUpload } from './rules/evidence.ts';
import {
  CONFIDENTIALITY_LABELS,
  type Confidentiality,
  MEDIA_TYPE_LABELS,
  type MediaType,
  OTHER_STEP,
} from './rules/vocabulary.ts';
import * as store from './store.ts';

/** What the uploader declares about a file; checked before its bytes are read. */
export type EvidenceInput = {
  caseId: string;
  stepKey: string;
  mediaType: string;
  title: string;
  fileName: string;
  mimeType?: string | undefined;
  capturedAt: string;
  deviceId?: string | null | undefined;
  officerId?: string | null | undefined;
  location?: string | null | undefined;
  confidentiality?: string | undefined;
  partyId?: string | null | undefined;
  correctsId?: string | null | undefined;
  correctionReason?: string | null | undefined;
  /** SM3 the client computed (64 hex): a file hashing otherwise is refused. */
  sm3?: string | undefined;
  /** Bytes the client will send (Content-Length, tus Upload-Length). */
  size?: number | undefined;
};

/** An upload that passed every check that does not need its bytes. */
export type PreparedEvidence = {
  caseRef: CaseRef;
  row: Omit<
    store.EvidenceRow,
    'id' | 'contentHash' | 'size' | 'metadataHash' | 'createdAt' | 'uploadedAt' | 'lateUpload'
  >;
  declared: { sm3?: string | undefined; size?: number | undefined };
};

const bad = (code: string, message: string, field: string) => new AppError(code, message, field);

/**
 * Validates an upload before any byte is stored: the case (scope, own agency, not a closed lead), the step,
 * the metadata an AV record must carry (R3), the device (R11), the officer, the party, the mark (R8), and a
 * correction's target once the file is locked (R7). Nothing is written.
 */
export async function prepareEvidence(
  db: Db,
  ctx: Ctx,
  deps: RecordsDeps,
  input: EvidenceInput,
  now = new Date(),
): Promise<PreparedEvidence> {
  // The same answer as for bytes over the limit (413), naming the declared size.
  if (input.size !== undefined && input.size > deps.maxEvidenceBytes)
    throw new AppError('BLOB_TOO_LARGE', tooLarge(deps.maxEvidenceBytes).message, 'size');
  const ref = await deps.cases.caseForRecords(db, ctx, input.caseId, 'handle');
  if (ref.procedure === 'lead' && ref.stage === 'final')
    throw bad('CASE_CLOSED', '案源已办结（已立案或不予立案），证据应记入相应案件', 'caseId');
  if (input.stepKey !== OTHER_STEP && !Object.hasOwn(deps.cases.avStepLabels, input.stepKey))
    throw bad('EVIDENCE_STEP_INVALID', '记录环节不正确', 'stepKey');
  if (!Object.hasOwn(MEDIA_TYPE_LABELS, input.mediaType))
    throw bad(
      'EVIDENCE_MEDIA_TYPE_INVALID',
      '记录类型应为照片、录音、录像、书证/电子数据或其他',
      'mediaType',
    );
  const mediaType = input.mediaType as MediaType;
  const confidentiality = (input.confidentiality ?? 'none') as Confidentiality;
  if (!Object.hasOwn(CONFIDENTIALITY_LABELS, confidentiality))
    throw bad('EVIDENCE_CONFIDENTIALITY_INVALID', '保密标识不正确', 'confidentiality');
  const capturedAt = new Date(input.capturedAt);
  const deviceId = input.deviceId || null;
  const officerId = input.officerId || null;
  const location = input.location?.trim() || null;
  const violations = checkEvidenceMetadata(
    {
      stepKey: input.stepKey,
      mediaType,
      title: input.title,
      fileName: input.fileName,
      mimeType: input.mimeType ?? '',
      capturedAt,
      deviceId,
      officerId,
      location,
      confidentiality,
    },
    now,
  );
  if (violations.length > 0) {
    const v = violations[0]!;
    throw new AppError(v.code, v.message, v.field, undefined, violations);
  }
  const fileName = input.fileName.trim().replace(/[\\/]/g, '_').slice(0, 200);
  if (!fileName) throw bad('FIELD_REQUIRED', '请提供文件名', 'fileName');
  if (input.sm3 !== undefined && !/^[0-9a-f]{64}$/.test(input.sm3))
    throw bad('EVIDENCE_HASH_INVALID', 'SM3 哈希值应为 64 位小写十六进制字符', 'sm3');

  if (deviceId) {
    const device = UUID_RE.test(deviceId) ? await store.findDevice(db, deviceId) : undefined;
    if (!device || device.agencyId !== ref.agencyId)
      throw bad('DEVICE_NOT_FOUND', '记录设备不在本机关的设备登记簿中', 'deviceId');
    if (device.retiredAt && device.retiredAt < capturedAt)
      throw bad('DEVICE_RETIRED', '该设备在拍摄时间之前已停用', 'deviceId');
  }
  if (officerId) {
    const [o] = UUID_RE.test(officerId) ? await org.actingOfficers(db, [officerId]) : [];
    if (!o || o.agencyId !== ref.agencyId)
      throw bad('OFFICER_NOT_FOUND', '制作记录的执法人员不是本机关人员', 'officerId');
  }
  // R6: text and AV records of the same party are linked — by default the case's party.
  const partyId = input.partyId || ref.partyId;
  if (partyId && partyId !== ref.partyId) throw bad('PARTY_NOT_IN_CASE', '当事人不是本案当事人', 'partyId');

  // R7: after archiving nothing is overwritten or slipped in; an addition corrects a record of the file.
  const correctsId = input.correctsId || null;
  const correctionReason = input.correctionReason?.trim() || null;
  if (ref.archived && !correctsId)
    throw bad('CASE_FILE_LOCKED', '案卷已归档锁定：补充的记录须注明所更正的记录', 'correctsId');
  if (correctsId) {
    const target = UUID_RE.test(correctsId) ? await store.findEvidence(db, correctsId) : undefined;
    const isDoc =
      !target && UUID_RE.test(correctsId) && (await deps.cases.caseDocumentIds(db, ref.id)).has(correctsId);
    if (!(target?.caseId === ref.id || isDoc))
      throw bad('CORRECTED_RECORD_NOT_FOUND', '所更正的记录不属于本案', 'correctsId');
    if (!correctionReason) throw bad('FIELD_REQUIRED', '更正记录须说明更正理由', 'correctionReason');
  }
  return {
    caseRef: ref,
    row: {
      caseId: ref.id,
      agencyId: ref.agencyId,
      regionCode: ref.regionCode,
      stepKey: input.stepKey,
      isAv: isAvMedia(mediaType),
      mediaType,
      title: input.title.trim().slice(0, 200),
      fileName,
      mimeType: (input.mimeType || 'application/octet-stream').slice(0, 100),
      capturedAt,
      deviceId,
      officerId,
      location,
      uploadedBy: ctx.actor.userId,
      confidentiality,
      partyId,
      correctsId,
      correctionReason,
    },
    declared: { sm3: input.sm3, size: input.size },
  };
}

/** SM3 of the metadata as stored, logged beside the content hash (a changed row no longer matches). */
export function evidenceMetadataHash(e: Omit<store.EvidenceRow, 'metadataHash' | 'createdAt'>): string {
  return hashHex(
    'sm3',
    canonicalJsonBytes({
      id: e.id,
      caseId: e.caseId,
      agencyId: e.agencyId,
      stepKey: e.stepKey,
      isAv: e.isAv,
      mediaType: e.mediaType,
      title: e.title,
      fileName: e.fileName,
      mimeType: e.mimeType,
      contentHash: e.contentHash,
      size: e.size,
      capturedAt: e.capturedAt.toISOString(),
      uploadedAt: e.uploadedAt.toISOString(),
      deviceId: e.deviceId,
      officerId: e.officerId,
      location: e.location,
      uploadedBy: e.uploadedBy,
      lateUpload: e.lateUpload,
      confidentiality: e.confidentiality,
      partyId: e.partyId,
      correctsId: e.correctsId,
      correctionReason: e.correctionReason,
    }),
  );
}

/** The store names its options (`expectedHash`, `expectedSize`); the uploader sent `sm3` and `size`. */
const UPLOAD_FIELDS: Record<string, string> = { expectedHash: 'sm3', expectedSize: 'size' };
function uploadFieldError(e: unknown): unknown {
  const field = e instanceof AppError && e.field ? UPLOAD_FIELDS[e.field] : undefined;
  return field && e instanceof AppError ? new AppError(e.code, e.message, field, e.rows, e.reasons) : e;
}

/** Bytes stored for a prepared upload, not yet recorded. */
export type StoredBytes = { hash: string; size: number; created: boolean };

/** Streams the bytes into the evidence store (hashed, deduplicated); nothing is recorded yet. */
export async function storeEvidenceBytes(
  deps: RecordsDeps,
  p: PreparedEvidence,
  source: BlobSource | { path: string },
): Promise<StoredBytes> {
  const opts = {
    maxBytes: deps.maxEvidenceBytes,
    expectedHash: p.declared.sm3,
    expectedSize: p.declared.size,
  };
  return (
    'path' in source && typeof source.path === 'string'
      ? deps.blobs.putFile(source.path, opts)
      : deps.blobs.put(source as BlobSource, opts)
  ).catch((e) => {
    throw uploadFieldError(e);
  });
}

/** Undoes `storeEvidenceBytes` for an upload that is then refused: a blob it created and nothing uses goes. */
export async function discardEvidenceBytes(db: Db, deps: RecordsDeps, put: StoredBytes): Promise<void> {
  if (put.created && (await store.countByHash(db, put.hash)) === 0) await deps.blobs.remove(put.hash);
}

/**
 * Records stored bytes: the evidence row, its audit entry and its ledger entry in one transaction. If the
 * transaction fails, the bytes are discarded (see above), so a refused upload leaves no orphan file.
 */
export async function recordEvidence(
  db: Db,
  ctx: Ctx,
  p: PreparedEvidence,
  put: StoredBytes,
  deps: RecordsDeps,
  now?: Date,
) {
  try {
    return await db.transaction(async (tx) => {
      // Checked again under the case's lock: the case may have been archived while the bytes came (R7).
      const current = await deps.cases.lockCaseForRecords(tx, p.row.caseId);
      if (!current) throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'caseId');
      if (current.archived && !p.row.correctsId)
        throw bad('CASE_FILE_LOCKED', '案卷已在上传期间归档锁定：补充的记录须注明所更正的记录', 'correctsId');
      // `now` only for the demo seed, which replays uploads on past days.
      const uploadedAt = now ?? new Date();
      const hours = ruleValue(await rulebookFor(tx, p.row.regionCode), 'avUploadHours');
      const id = crypto.randomUUID();
      const base = {
        ...p.row,
        id,
        contentHash: put.hash,
        size: put.size,
        uploadedAt,
        // R5 (seed 000 item 22): accepted, but flagged and counted.
        lateUpload: p.row.isAv && isLateUpload(p.row.capturedAt, uploadedAt, hours),
      };
      const row = await store.insertEvidence(tx, { ...base, metadataHash: evidenceMetadataHash(base) });
      await audit(tx, ctx, {
        action: 'evidence.upload',
        targetType: 'case',
        targetId: row.caseId,
        agencyId: row.agencyId,
        regionCode: row.regionCode,
        details: {
          evidenceId: row.id,
          contentHash: row.contentHash,
          size: row.size,
          lateUpload: row.lateUpload,
          deduplicated: !put.created,
          correctsId: row.correctsId,
        },
      });
      await appendEntries(tx, [
        {
          kind: 'evidence.file',
          recordId: row.id,
          caseId: row.caseId,
          contentHash: row.contentHash,
          metadataHash: row.metadataHash,
          at: row.uploadedAt.toISOString(),
          ...(row.correctsId ? { correctsId: row.correctsId } : {}),
        },
      ]);
      return summaryOf(row, { actor: ctx.actor, teamOfficerIds: current.teamOfficerIds });
    });
  } catch (e) {
    await discardEvidenceBytes(db, deps, put);
    throw e;
  }
}

/** Stores the bytes, then records them (both steps above). */
export async function commitEvidence(
  db: Db,
  ctx: Ctx,
  deps: RecordsDeps,
  p: PreparedEvidence,
  source: BlobSource | { path: string },
  now?: Date,
) {
  return recordEvidence(db, ctx, p, await storeEvidenceBytes(deps, p, source), deps, now);
}

export async function ingestEvidence(
  db: Db,
  ctx: Ctx,
  deps: RecordsDeps,
  input: EvidenceInput,
  source: BlobSource | { path: string },
  now?: Date,
) {
  return commitEvidence(db, ctx, deps, await prepareEvidence(db, ctx, deps, input, now), source, now);
}

async function visibleEvidence(db: Db, ctx: Ctx, deps: RecordsDeps, id: string) {
  const row = UUID_RE.test(id) ? await store.findEvidence(db, id) : undefined;
  if (!row) throw new AppError('EVIDENCE_NOT_FOUND', '证据记录不存在或无权查看', 'id');
  // Scope is the case's: outside it, the record does not exist for the caller.
  const ref = await deps.cases.caseForRecords(db, ctx, row.caseId, 'read').catch(() => {
    throw new AppError('EVIDENCE_NOT_FOUND', '证据记录不存在或无权查看', 'id');
  });
  return { row, ref };
}

/** Metadata of a case's records, within the caller's scope. */
export async function listCaseEvidence(db: Db, ctx: Ctx, deps: RecordsDeps, caseId: string) {
  const ref = await deps.cases.caseForRecords(db, ctx, caseId, 'read');
  const viewer = { actor: ctx.actor, teamOfficerIds: ref.teamOfficerIds };
  return { items: (await store.evidenceOfCase(db, ref.id)).map((e) => summaryOf(e, viewer)) };
}

/** Metadata of one record (no content: opening the content is `openEvidenceContent`, logged). */
export async function getEvidence(db: Db, ctx: Ctx, deps: RecordsDeps, id: string) {
  const { row, ref } = await visibleEvidence(db, ctx, deps, id);
  return summaryOf(row, { actor: ctx.actor, teamOfficerIds: ref.teamOfficerIds });
}

/**
 * Opens a record's content (R9: logged with who, when and why; R8: marked records only for those the mark
 * allows, with a reason). Returns the stream to send.
 */
export async function openEvidenceContent(
  db: Db,
  ctx: Ctx,
  deps: RecordsDeps,
  id: string,
  o: { reason: string | null; range?: ByteRange | undefined; download: boolean },
): Promise<{ stream: Readable; evidence: ReturnType<typeof summaryOf> }> {
  const { row, ref } = await visibleEvidence(db, ctx, deps, id);
  checkOpen(ctx, ref, row.confidentiality as Confidentiality, o.reason);
  const stream = await deps.blobs.open(row.contentHash, o.range);
  // A player seeking through a video asks for many ranges: the opening is the request from byte 0.
  if (!o.range || o.range.start === 0)
    await logAccess(db, ctx, {
      recordType: 'evidence',
      recordId: row.id,
      caseId: row.caseId,
      agencyId: row.agencyId,
      regionCode: row.regionCode,
      confidentiality: row.confidentiality as Confidentiality,
      purpose: o.download ? 'download' : 'open',
      reason: o.reason,
    });
  return { stream, evidence: summaryOf(row, { actor: ctx.actor, teamOfficerIds: ref.teamOfficerIds }) };
}
