import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface Props {
  value: string;
  onSearch: (value: string) => void;
  placeholder: string;
  /** Put on the <input> itself (antd's Input.Search would put it on a wrapper). */
  'data-testid'?: string;
}

/** Search input: searches on Enter / the button, and also 500 ms after typing stops. */
export function SearchBox({ value, onSearch, placeholder, 'data-testid': testId }: Props) {
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
    <Space.Compact style={{ width: '100%' }}>
      <Input
        allowClear
        type="search"
        enterKeyHint="search"
        value={text}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => run(v), 500);
        }}
        onPressEnter={() => run(text)}
      />
      <Button type="primary" icon={<SearchOutlined />} onClick={() => run(text)}>
        查询
      </Button>
    </Space.Compact>
  );
}
