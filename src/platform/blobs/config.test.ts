import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blobConfigFromEnv, createBlobStore } from './config.ts';
import { LocalBlobStore } from './local.ts';
import { DEFAULT_EVIDENCE_MAX_BYTES } from './store.ts';

describe('blobConfigFromEnv', () => {
  it('defaults to the local store and a 4 GiB limit', () => {
    assert.deepEqual(blobConfigFromEnv({}), { kind: 'local', maxBytes: 4 * 1024 ** 3 });
    assert.equal(DEFAULT_EVIDENCE_MAX_BYTES, 4_294_967_296);
    const store = createBlobStore(blobConfigFromEnv({}), '/srv/mingjing');
    assert.ok(store instanceof LocalBlobStore);
    assert.equal(store.root, '/srv/mingjing/blobs');
  });

  it('reads the S3 variables', () => {
    const c = blobConfigFromEnv({
      MINGJING_BLOB_STORE: 'S3',
      MINGJING_S3_ENDPOINT: 'https://minio.example.gov.cn',
      MINGJING_S3_BUCKET: 'evidence',
      MINGJING_S3_ACCESS_KEY_ID: 'id',
      MINGJING_S3_SECRET_ACCESS_KEY: 'secret',
      MINGJING_EVIDENCE_MAX_BYTES: '1048576',
    });
    assert.deepEqual(c, {
      kind: 's3',
      maxBytes: 1_048_576,
      s3: {
        endpoint: 'https://minio.example.gov.cn',
        region: 'us-east-1',
        bucket: 'evidence',
        accessKeyId: 'id',
        secretAccessKey: 'secret',
        forcePathStyle: true, // an endpoint of one's own: path style unless told otherwise
      },
    });
  });

  it('AWS itself: no endpoint, virtual-hosted style, the SDK credential chain', () => {
    const c = blobConfigFromEnv({
      MINGJING_BLOB_STORE: 's3',
      MINGJING_S3_BUCKET: 'b',
      MINGJING_S3_REGION: 'cn-north-1',
    });
    assert.ok(c.kind === 's3');
    assert.equal(c.s3.forcePathStyle, false);
    assert.equal(c.s3.region, 'cn-north-1');
    assert.equal(c.s3.accessKeyId, undefined);
    const forced = blobConfigFromEnv({
      MINGJING_BLOB_STORE: 's3',
      MINGJING_S3_BUCKET: 'b',
      MINGJING_S3_FORCE_PATH_STYLE: '1',
    });
    assert.ok(forced.kind === 's3' && forced.s3.forcePathStyle);
  });

  it('refuses wrong values with a message naming the variable', () => {
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ MINGJING_BLOB_STORE: 'ftp' }, /MINGJING_BLOB_STORE/],
      [{ MINGJING_BLOB_STORE: 's3' }, /MINGJING_S3_BUCKET/],
      [{ MINGJING_BLOB_STORE: 's3', MINGJING_S3_BUCKET: 'b', MINGJING_S3_ACCESS_KEY_ID: 'id' }, /同时设置/],
      [
        { MINGJING_BLOB_STORE: 's3', MINGJING_S3_BUCKET: 'b', MINGJING_S3_ENDPOINT: 'minio:9000' },
        /MINGJING_S3_ENDPOINT/,
      ],
      [
        { MINGJING_BLOB_STORE: 's3', MINGJING_S3_BUCKET: 'b', MINGJING_S3_FORCE_PATH_STYLE: 'maybe' },
        /FORCE_PATH_STYLE/,
      ],
      [{ MINGJING_EVIDENCE_MAX_BYTES: '4GB' }, /MINGJING_EVIDENCE_MAX_BYTES/],
      [{ MINGJING_EVIDENCE_MAX_BYTES: '0' }, /MINGJING_EVIDENCE_MAX_BYTES/],
      [{ MINGJING_EVIDENCE_MAX_BYTES: '1e9' }, /MINGJING_EVIDENCE_MAX_BYTES/],
    ];
    for (const [env, message] of cases)
      assert.throws(() => blobConfigFromEnv(env), message, JSON.stringify(env));
  });
});
