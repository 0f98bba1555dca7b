// A put's second half on S3: copy the verified temporary object to its hash key, never replacing one.
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { abortQuietly, headObject, httpStatus, MAX_PART, MAX_PARTS, type S3Target } from './s3-client.ts';

export interface CopyLimits {
  /** Objects larger than this are copied with UploadPartCopy. */
  copyObjectLimit: number;
  /** Part size of those copies. */
  copyPartSize: number;
}

/**
 * Copies the verified temporary object to its hash key unless a blob has it already. The HEAD saves
 * the copy for a duplicate; `If-None-Match: *` makes the copy itself refuse to replace an object, so of
 * two racing puts of the same bytes exactly one reports `created: true` — on servers that implement
 * conditional writes (AWS since 2024, MinIO). Others ignore the header and overwrite with identical bytes.
 */
export async function promote(
  t: S3Target,
  tmpKey: string,
  key: string,
  size: number,
  copy: CopyLimits,
): Promise<boolean> {
  if (await headObject(t, key)) return false;
  try {
    if (size <= copy.copyObjectLimit) {
      await t.client.send(
        new CopyObjectCommand({
          Bucket: t.bucket,
          Key: key,
          CopySource: `${encodeURIComponent(t.bucket)}/${tmpKey}`,
          IfNoneMatch: '*',
        }),
      );
    } else {
      await copyInParts(t, tmpKey, key, size, copy.copyPartSize);
    }
    return true;
  } catch (e) {
    const status = httpStatus(e);
    if (status === 412) return false; // PreconditionFailed: the key exists
    // ConditionalRequestConflict: a concurrent write to the same key; if it landed, it has our bytes.
    if (status === 409 && (await headObject(t, key))) return false;
    throw e;
  }
}

/** UploadPartCopy for objects over CopyObject's 5 GiB limit; conditional on completion. */
async function copyInParts(
  t: S3Target,
  tmpKey: string,
  key: string,
  size: number,
  copyPartSize: number,
): Promise<void> {
  const partSize = Math.min(MAX_PART, Math.max(copyPartSize, Math.ceil(size / MAX_PARTS)));
  const { UploadId } = await t.client.send(
    new CreateMultipartUploadCommand({
      Bucket: t.bucket,
      Key: key,
      ContentType: 'application/octet-stream',
    }),
  );
  try {
    const parts: { PartNumber: number; ETag: string | undefined }[] = [];
    for (let start = 0, n = 1; start < size; start += partSize, n++) {
      const end = Math.min(start + partSize, size) - 1;
      const r = await t.client.send(
        new UploadPartCopyCommand({
          Bucket: t.bucket,
          Key: key,
          UploadId,
          PartNumber: n,
          CopySource: `${encodeURIComponent(t.bucket)}/${tmpKey}`,
          CopySourceRange: `bytes=${start}-${end}`,
        }),
      );
      parts.push({ PartNumber: n, ETag: r.CopyPartResult?.ETag });
    }
    await t.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: t.bucket,
        Key: key,
        UploadId,
        MultipartUpload: { Parts: parts },
        IfNoneMatch: '*',
      }),
    );
  } catch (e) {
    await abortQuietly(t, key, UploadId);
    throw e;
  }
}
