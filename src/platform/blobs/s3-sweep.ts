// Cleaning up after crashes on S3.
import { AbortMultipartUploadCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { deleteKey, listObjects, type S3Target } from './s3-client.ts';
import { storeUnavailable } from './store.ts';

/**
 * Removes what a crash left: temporary objects and unfinished multipart uploads older than `olderThan`.
 */
export async function sweepTemporary(t: S3Target, olderThan: Date): Promise<number> {
  let removed = 0;
  const stale: string[] = [];
  for await (const o of listObjects(t, 'tmp/'))
    if (o.lastModified && o.lastModified < olderThan) stale.push(o.key);
  for (const key of stale) {
    await deleteKey(t, key);
    removed++;
  }
  // Multipart uploads a crash left behind: their parts are billed and invisible to ListObjects.
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  try {
    do {
      const r = await t.client.send(
        new ListMultipartUploadsCommand({
          Bucket: t.bucket,
          ...(keyMarker ? { KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker } : {}),
        }),
      );
      for (const u of r.Uploads ?? []) {
        const ours = u.Key?.startsWith('tmp/') || u.Key?.startsWith('sm3/');
        if (ours && u.UploadId && u.Initiated && u.Initiated < olderThan) {
          await t.client.send(
            new AbortMultipartUploadCommand({ Bucket: t.bucket, Key: u.Key, UploadId: u.UploadId }),
          );
          removed++;
        }
      }
      keyMarker = r.IsTruncated ? r.NextKeyMarker : undefined;
      uploadIdMarker = r.NextUploadIdMarker;
    } while (keyMarker);
  } catch (e) {
    throw storeUnavailable(e);
  }
  return removed;
}
