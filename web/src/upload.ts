// Resumable evidence uploads (tus 1.0) to /api/uploads, so that a phone on a weak network can finish a
// long video: the file goes in 5 MiB chunks, a dropped connection is retried, and an interrupted upload —
// even after the page was closed — continues where it stopped when the same file is chosen again for
// the same case with the same details (tus-js-client keeps the upload's address in localStorage under
// the file's fingerprint). The server checks the details before the first byte and again at the end.

import { type DetailedError, type PreviousUpload, Upload } from 'tus-js-client';
import { ApiError, apiErrorFromText, currentCsrfToken, notifyUnauthorized } from './api.ts';
import type { EvidenceSummary } from './recordTypes.ts';

export const UPLOAD_ENDPOINT = '/api/uploads';
export const CHUNK_SIZE = 5 * 1024 * 1024;

/** What the server reads from Upload-Metadata (src/modules/records/upload-fields.ts), all strings. */
export type EvidenceMetadata = {
  caseId: string;
  stepKey: string;
  mediaType: string;
  title: string;
  capturedAt: string;
  filename: string;
  filetype: string;
  deviceId?: string;
  officerId?: string;
  location?: string;
  confidentiality?: string;
  correctsId?: string;
  correctionReason?: string;
};

/** The key of one file of one case for one user: an interrupted upload is found again by it. */
function fingerprintOf(userId: string, caseId: string, file: File): string {
  return ['mingjing', userId, caseId, file.name, file.type, file.size, file.lastModified].join('|');
}

/** tus cannot carry empty values; a field left empty is simply not sent. */
function compact(m: EvidenceMetadata): Record<string, string> {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<
    string,
    string
  >;
}

function sameMetadata(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** A tus failure as the console's ApiError: the server's Chinese message when it sent one. */
function errorOf(e: Error | DetailedError): ApiError {
  const res = 'originalResponse' in e ? e.originalResponse : null;
  if (res) {
    const status = res.getStatus();
    if (status === 401) notifyUnauthorized();
    return apiErrorFromText(status, res.getBody() ?? '');
  }
  return new ApiError(
    0,
    'NETWORK',
    '网络中断，上传未完成。请检查网络后再次点击上传：选择同一文件将从中断处继续。',
  );
}

/** Unfinished uploads of this file for this case (to restore the details they were started with). */
export async function previousUploads(userId: string, caseId: string, file: File): Promise<PreviousUpload[]> {
  const probe = new Upload(file, {
    endpoint: new URL(UPLOAD_ENDPOINT, window.location.origin).href,
    fingerprint: async () => fingerprintOf(userId, caseId, file),
  });
  return (await probe.findPreviousUploads()).sort((a, b) => b.creationTime.localeCompare(a.creationTime));
}

export interface UploadHandle {
  /** Resolves with the stored record; rejects with an ApiError (code PAUSED after pause()). */
  done: Promise<EvidenceSummary>;
  /** Stops sending; the upload stays resumable. */
  pause: () => void;
}

/**
 * Uploads one file as evidence. An unfinished upload of the same file, case and details is continued;
 * one with other details is abandoned (deleted on the server, forgotten here).
 */
export function uploadEvidence(
  file: File,
  metadata: EvidenceMetadata,
  o: {
    userId: string;
    onProgress: (sent: number, total: number) => void;
    /** Called when an earlier upload is continued instead of starting anew. */
    onResume?: () => void;
  },
): UploadHandle {
  const meta = compact(metadata);
  let paused = false;
  let fail: (e: ApiError) => void = () => undefined;
  const withCsrf = (req: { setHeader: (k: string, v: string) => void }) => {
    // Read at each request: a new login changes the token.
    const token = currentCsrfToken();
    if (token) req.setHeader('x-csrf-token', token);
  };
  const upload = new Upload(file, {
    endpoint: new URL(UPLOAD_ENDPOINT, window.location.origin).href,
    chunkSize: CHUNK_SIZE,
    metadata: meta,
    fingerprint: async () => fingerprintOf(o.userId, metadata.caseId, file),
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    // A phone losing its signal: keep trying for about a minute before giving up.
    retryDelays: [0, 1000, 3000, 5000, 10_000, 20_000, 30_000],
    onShouldRetry: (err) => {
      const res = err.originalResponse;
      if (!res) return true; // the network: try again
      const status = res.getStatus();
      if (status >= 500 || status === 429) return true;
      // tus's own conflicts (offset, lock) clear on retry; a refusal of ours (JSON envelope) does not.
      return (
        (status === 409 || status === 423) &&
        apiErrorFromText(status, res.getBody() ?? '').code.startsWith('HTTP_')
      );
    },
    onBeforeRequest: withCsrf,
    onProgress: o.onProgress,
  });
  const done = new Promise<EvidenceSummary>((resolve, reject) => {
    fail = reject;
    upload.options.onSuccess = ({ lastResponse }) => {
      try {
        resolve(JSON.parse(lastResponse.getBody()) as EvidenceSummary);
      } catch {
        reject(new ApiError(0, 'CLIENT', '上传已完成，但未能读取服务器的答复，请刷新页面查看'));
      }
    };
    upload.options.onError = (e) => reject(errorOf(e));
  });
  const storage = upload.options.urlStorage;
  upload
    .findPreviousUploads()
    .then(async (previous) => {
      const same = previous.find((p) => sameMetadata(p.metadata, meta));
      for (const p of previous) {
        if (p === same) continue;
        // Started with other details: the server would store those, so it is dropped.
        if (p.uploadUrl)
          await Upload.terminate(p.uploadUrl, { onBeforeRequest: withCsrf, retryDelays: [] }).catch(
            () => undefined,
          );
        await storage?.removeUpload(p.urlStorageKey).catch(() => undefined);
      }
      if (same) {
        upload.resumeFromPreviousUpload(same);
        o.onResume?.();
      }
    })
    .catch(() => undefined)
    .finally(() => {
      if (!paused) upload.start();
    });
  return {
    done,
    pause: () => {
      paused = true;
      void upload.abort(false);
      fail(new ApiError(0, 'PAUSED', '上传已暂停：再次点击上传将从中断处继续'));
    },
  };
}
