import type { Config } from '../../config.ts';
import { createBlobStore } from '../../platform/blobs/index.ts';
import type { RecordsDeps } from './evidence-service.ts';

const byConfig = new WeakMap<Config, RecordsDeps>();

/** The evidence store the configuration names, one per configuration (one S3 client, one disk root). */
export function recordsDeps({ config }: { config: Config }): RecordsDeps {
  let deps = byConfig.get(config);
  if (!deps) {
    deps = { blobs: createBlobStore(config.blobs, config.dataDir), maxEvidenceBytes: config.blobs.maxBytes };
    byConfig.set(config, deps);
  }
  return deps;
}
