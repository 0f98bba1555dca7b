import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface Props {
  value: string;
  onSearch: (value: string) => void;
  placeholder: string;
  'data-testid'?: string;
}

/** Search input: searches on Enter / the button, and also 500 ms after typing stops. */
export function SearchBox({ value, onSearch, placeholder, ...rest }: Props) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow the URL when it changes from outside (back/forward, links).
  useEffect(() => setText(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const run = (v: string) => {
    clearTimeout(timer.current);
    if (v.trim() !== value) onSearch(v.trim());
  };

  return (
    <Input.Search
      {...rest}
      allowClear
      enterButton="查询"
      value={text}
      placeholder={placeholder}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => run(v), 500);
      }}
      onSearch={run}
    />
  );
}
