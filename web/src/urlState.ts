import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export type UrlPatch<K extends string> = Partial<Record<K, string | number | null | undefined>>;

/**
 * List filters and pagination kept in the URL (shareable, survive back/forward). Values are strings;
 * missing keys read as ''.
 */
export function useUrlQuery<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (patch: UrlPatch<K>) => void] {
  const [params, setParams] = useSearchParams();
  const joined = keys.join(',');
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const k of joined.split(',') as K[]) out[k] = params.get(k) ?? '';
    return out;
  }, [params, joined]);
  const update = useCallback(
    (patch: UrlPatch<K>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [K, string | number | null | undefined][]) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update];
}

export function pageOf(value: string, fallback = 1): number {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
