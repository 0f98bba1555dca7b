import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import {
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { type S3TestServer, startS3Server } from '../../../test/helpers/s3.ts';
import { hashHex } from '../crypto/hash.ts';
import { blobConfigFromEnv, createBlobStore } from './config.ts';
import { S3BlobStore } from './s3.ts';
import { blobStoreContract } from './store-contract.ts';

const MiB = 1024 * 1024;

async function keys(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const r = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(token ? { ContinuationToken: token } : {}),
      }),
    );
    for (const o of r.Contents ?? []) if (o.Key) out.push(o.Key);
    token = r.IsTruncated ? r.NextContinuationToken : undefined;
  } while (token);
  return out;
}

async function multipartUploads(client: S3Client, bucket: string): Promise<string[]> {
  const r = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  return (r.Uploads ?? []).map((u) => `multipart upload ${u.Key} ${u.UploadId}`);
}

function harnessFor(server: () => S3TestServer) {
  return async () => {
    const s = server();
    const store = new S3BlobStore({
      endpoint: s.endpoint,
      region: s.region,
      bucket: s.bucket,
      accessKeyId: s.accessKeyId,
      secretAccessKey: s.secretAccessKey,
      forcePathStyle: true,
      partSize: 5 * MiB,
    });
    const { client, bucket } = store;
    return {
      store,
      leftovers: async () => [
        ...(await keys(client, bucket, 'tmp/')),
        ...(await multipartUploads(client, bucket)),
      ],
      storedCount: async () => (await keys(client, bucket, 'sm3/')).length,
      async tamper(hash: string, bytes: Uint8Array) {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: `sm3/${hash}`, Body: bytes }));
      },
      async plantCrashLeftovers() {
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: `tmp/${randomUUID()}`, Body: randomBytes(100) }),
        );
        const key = `tmp/${randomUUID()}`;
        const { UploadId } = await client.send(
          new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }),
        );
        await client.send(
          new UploadPartCommand({
            Bucket: bucket,
            Key: key,
            UploadId,
            PartNumber: 1,
            Body: randomBytes(100),
          }),
        );
      },
      async close() {
        // Each harness leaves an empty bucket for the next one.
        for (const key of await keys(client, bucket, '')) {
          const hash = key.slice('sm3/'.length);
          if (key.startsWith('sm3/')) await store.remove(hash);
        }
        await store.close();
      },
    };
  };
}

let server: S3TestServer;
before(async () => {
  server = await startS3Server();
});
after(async () => {
  await server?.stop();
});

blobStoreContract(
  'S3-compatible object storage (s3rver)',
  harnessFor(() => server),
);

describe('S3BlobStore specifics', () => {
  it('copies objects over the CopyObject limit part by part (UploadPartCopy), still deduplicating', async () => {
    // Objects over CopyObject's 5 GiB go through UploadPartCopy: exercised here with a 6 MiB limit.
    const store = new S3BlobStore({ ...s3Config(), copyObjectLimit: 6 * MiB, copyPartSize: 5 * MiB });
    try {
      const bytes = randomBytes(12 * MiB + 7);
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          store.put(Readable.from([bytes.subarray(0, MiB), bytes.subarray(MiB)]), { maxBytes: 64 * MiB }),
        ),
      );
      const hash = hashHex('sm3', bytes);
      assert.deepEqual(
        results.map((r) => r.hash),
        [hash, hash, hash],
      );
      assert.equal(results.filter((r) => r.created).length, 1);
      const got = await store.client.send(
        new GetObjectCommand({ Bucket: server.bucket, Key: `sm3/${hash}` }),
      );
      assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes));
      assert.deepEqual(await keys(store.client, server.bucket, 'tmp/'), []);
      assert.deepEqual(await multipartUploads(store.client, server.bucket), []);
      await store.remove(hash);
    } finally {
      await store.close();
    }
  });

  it('is what MINGJING_BLOB_STORE=s3 selects', async () => {
    const store = createBlobStore(blobConfigFromEnv(server.env), '/nonexistent');
    try {
      assert.equal(store.kind, 's3');
      const bytes = randomBytes(1000);
      const r = await store.put(Readable.from([bytes]), { maxBytes: 1000 });
      assert.deepEqual(await store.stat(r.hash), { size: 1000 });
      await store.remove(r.hash);
    } finally {
      await store.close();
    }
  });

  it('an unreachable server is BLOB_STORE_UNAVAILABLE (503), not a crash', async () => {
    const store = new S3BlobStore({ ...s3Config(), endpoint: 'http://127.0.0.1:9' });
    try {
      await assert.rejects(store.put(Readable.from([randomBytes(10)]), { maxBytes: 100 }), {
        code: 'BLOB_STORE_UNAVAILABLE',
        status: 503,
      });
    } finally {
      await store.close();
    }
  });
});

function s3Config() {
  const c = blobConfigFromEnv(server.env);
  assert.ok(c.kind === 's3');
  return c.s3;
}
