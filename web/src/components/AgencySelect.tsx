import { Select } from 'antd';
import { type CSSProperties, useEffect, useMemo, useState } from 'react';
import { api, seg } from '../api.ts';
import type { AgencyDetail, AgencyList } from '../types.ts';

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Agencies not to offer (e.g. the agency itself as its own parent). */
  exclude?: string[];
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}

/** Agency picker with server-side search (`GET /api/agencies?q=`), scoped by the server. */
export function AgencySelect({
  value,
  onChange,
  placeholder = '请选择执法主体',
  allowClear = true,
  exclude,
  ...rest
}: Props) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const [valueLabel, setValueLabel] = useState<{ id: string; label: string } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<AgencyList>('/api/agencies', { q: q.trim() }, controller.signal)
        .then((a) => setOptions(a.items.slice(0, 100).map((x) => ({ value: x.id, label: x.name }))))
        .catch(() => setOptions([]))
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  // Make sure the selected agency shows its name even when it is not in the current search page.
  const known = value ? options.some((o) => o.value === value) : true;
  useEffect(() => {
    if (!value || known) return;
    const controller = new AbortController();
    api
      .get<AgencyDetail>(`/api/agencies/${seg(value)}`, undefined, controller.signal)
      .then((a) => setValueLabel({ id: a.id, label: a.name }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [value, known]);

  const shown = useMemo(() => {
    const list = options.filter((o) => !exclude?.includes(o.value));
    if (value && !list.some((o) => o.value === value) && valueLabel?.id === value) {
      list.unshift({ value, label: valueLabel.label });
    }
    return list;
  }, [options, exclude, value, valueLabel]);

  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={shown}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={loading}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={loading ? '加载中…' : '无匹配的执法主体'}
      style={{ width: '100%', ...rest.style }}
    />
  );
}
