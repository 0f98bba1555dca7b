import { App, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` whenever `key` changes (and on reload()). `key` must describe every input of `load`,
 * e.g. the id or the serialised query.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, key: string): AsyncState<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ key: string | null; data: T | undefined; error: ApiError | null }>({
    key: null,
    data: undefined,
    error: null,
  });

  const requestKey = `${key}#${version}`;
  useEffect(() => {
    const controller = new AbortController();
    loadRef
      .current(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ key: requestKey, data, error: null });
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '页面出错，请刷新重试');
        setState((s) => ({ key: requestKey, data: s.data, error }));
      });
    return () => controller.abort();
  }, [requestKey]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // Loading until the answer for the current key arrives; the previous data stays meanwhile.
  const current = state.key === requestKey;
  return { data: state.data, error: current ? state.error : null, loading: !current, reload };
}

/** Turns a server field name (`entrustment.basis`) into an antd form name path. */
export type FieldMapper = (field: string) => (string | number)[];

/** Accepts `a.b`, `a[0].b` and JSON-pointer style `/a/0/b`. */
export const splitField: FieldMapper = (field) =>
  field
    .split(/[./[\]]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

const defaultMapper = splitField;

/**
 * Shows an error to the user: the server's Chinese message as a toast, and, when the server names a
 * field, as that form field's error.
 */
export function useShowError() {
  const { message } = App.useApp();
  return useCallback(
    (e: unknown, form?: FormInstance, mapField: FieldMapper = defaultMapper) => {
      const err = e instanceof ApiError ? e : null;
      const text = err?.message ?? '操作失败，请重试';
      if (err?.status === 401) return; // the login page takes over
      if (form && err?.field) {
        try {
          form.setFields([{ name: mapField(err.field), errors: [text] }]);
          form.scrollToField(mapField(err.field));
        } catch {
          /* unknown field: the toast is enough */
        }
      }
      void message.error(text);
    },
    [message],
  );
}
