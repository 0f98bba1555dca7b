import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useRegions } from '../reference.ts';
import { buildRegionTree } from '../regionTree.ts';

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
}

/** Region picker (tree of 行政区划), usable inside antd Form.Item. */
export function RegionSelect({
  value,
  onChange,
  placeholder = '请选择行政区划',
  allowClear = true,
  ...rest
}: Props) {
  const regions = useRegions();
  const treeData = useMemo(() => buildRegionTree(regions), [regions]);
  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ width: '100%', ...rest.style }}
    />
  );
}
