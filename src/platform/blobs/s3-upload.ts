// A put's first half on S3: stream the bytes into a temporary object while they are hashed.
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { abortQuietly, type S3Target } from './s3-client.ts';

/**
 * Streams `chunks` to `key`: one PutObject if they fit in a part, else a multipart upload with at most
 * `queueSize` parts in flight. Memory is (queueSize + 1) part buffers whatever the size: the bytes are
 * copied into reused part buffers, which also keeps a source that reuses its own buffer from changing
 * bytes after they were hashed. (lib-storage's Upload was measured at about twice this, as it
 * concatenates chunks into fresh buffers, and on a failed abort it throws the abort's error instead of
 * the cause.) On any error the multipart upload is aborted before this throws.
 */
export async function uploadTemporary(
  t: S3Target,
  chunks: AsyncIterable<Uint8Array>,
  key: string,
  partSize: number,
  queueSize: number,
): Promise<void> {
  const free: Buffer[] = [];
  let buf: Buffer = Buffer.allocUnsafe(partSize);
  let fill = 0;
  let uploadId: string | undefined;
  const parts: { PartNumber: number; ETag: string | undefined }[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;

  const flush = async () => {
    uploadId ??= (
      await t.client.send(
        new CreateMultipartUploadCommand({
          Bucket: t.bucket,
          Key: key,
          ContentType: 'application/octet-stream',
        }),
      )
    ).UploadId;
    while (inFlight.size >= queueSize) await Promise.race(inFlight);
    if (failure) throw failure.error;
    const body = buf;
    const length = fill;
    const PartNumber = parts.length + 1;
    const part = { PartNumber, ETag: undefined as string | undefined };
    parts.push(part);
    const sending = t.client
      .send(
        new UploadPartCommand({
          Bucket: t.bucket,
          Key: key,
          UploadId: uploadId,
          PartNumber,
          Body: body.subarray(0, length),
          ContentLength: length,
        }),
      )
      .then(
        (r) => {
          part.ETag = r.ETag;
          free.push(body);
        },
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    buf = free.pop() ?? Buffer.allocUnsafe(partSize);
    fill = 0;
  };

  try {
    for await (const chunk of chunks) {
      for (let offset = 0; offset < chunk.byteLength; ) {
        // A full buffer is sent only once more bytes arrive, so the last part is never empty.
        if (fill === partSize) await flush();
        const n = Math.min(partSize - fill, chunk.byteLength - offset);
        buf.set(chunk.subarray(offset, offset + n), fill);
        fill += n;
        offset += n;
      }
    }
    if (uploadId === undefined) {
      await t.client.send(
        new PutObjectCommand({
          Bucket: t.bucket,
          Key: key,
          Body: buf.subarray(0, fill),
          ContentLength: fill,
          ContentType: 'application/octet-stream',
        }),
      );
      return;
    }
    await flush();
    await Promise.all(inFlight);
    if (failure) throw failure.error;
    await t.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: t.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
  } catch (e) {
    await Promise.all(inFlight); // never rejects: failures are recorded above
    await abortQuietly(t, key, uploadId);
    throw e;
  }
}
