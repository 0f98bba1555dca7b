import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Space, Spin, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api.ts';
import { useUser } from '../auth.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { AddRegionModal, RenameRegionModal } from '../components/RegionModals.tsx';
import { useAsync } from '../hooks.ts';
import { canEditRegions } from '../permissions.ts';
import { invalidateRegions } from '../reference.ts';
import { buildRegionTree, type RegionNode, regionLevelLabel } from '../regionTree.ts';
import type { Region } from '../types.ts';

const LEVEL_COLORS: Record<string, string> = {
  province: 'red',
  city: 'orange',
  county: 'blue',
  township: 'green',
};

/**
 * Keeps the nodes that match `q` (with their whole subtree) and their ancestors; `expand` collects the
 * ancestors so the matches are visible.
 */
function filterTree(nodes: RegionNode[], q: string, expand: string[]): RegionNode[] {
  const out: RegionNode[] = [];
  for (const n of nodes) {
    if (n.region.name.includes(q) || n.region.code.startsWith(q)) {
      out.push(n);
      continue;
    }
    const children = n.children ? filterTree(n.children, q, expand) : [];
    if (children.length > 0) {
      expand.push(n.key);
      out.push({ ...n, children });
    }
  }
  return out;
}

/** The significant digits of a code, used as the prefix of a new child's code. */
function childPrefix(r: Region): string {
  if (r.level === 'province') return r.code.slice(0, 2);
  if (r.level === 'city') return r.code.slice(0, 4);
  return r.code;
}

export function RegionsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const editable = canEditRegions(user);
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<{ items: Region[] }>('/api/regions', undefined, signal).then((a) => a.items),
    'regions',
  );
  const regions = data ?? [];
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Region | null>(null);

  const tree = useMemo(() => buildRegionTree(data ?? []), [data]);
  const search = useMemo(() => {
    const expand: string[] = [];
    const nodes = q.trim() ? filterTree(tree, q.trim(), expand) : tree;
    return { nodes, expand };
  }, [tree, q]);
  const shown = search.nodes;
  // While searching, the user's own expansions add to the ancestors of the matches.
  const expandedKeys = q.trim()
    ? [...new Set([...search.expand, ...(expanded ?? [])])]
    : (expanded ?? tree.map((n) => n.key));

  const changed = (text: string) => {
    invalidateRegions();
    setAdding(null);
    setRenaming(null);
    void message.success(text);
    reload();
  };

  return (
    <>
      <PageHeader
        title="行政区划"
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('')}>
              新增区划
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.Search
            allowClear
            placeholder="按名称或代码查找"
            onSearch={setQ}
            onChange={(e) => {
              if (!e.target.value) setQ('');
            }}
            style={{ maxWidth: 360 }}
          />
          <Typography.Text type="secondary">共 {regions.length} 个行政区划</Typography.Text>
          {error ? <Alert type="error" showIcon title={error.message} /> : null}
          {loading && !data ? <Spin /> : null}
          {data && shown.length === 0 ? <Empty description="没有行政区划" /> : null}
          <Tree<RegionNode>
            treeData={shown}
            height={560}
            blockNode
            selectable={false}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys.map(String))}
            titleRender={(node) => (
              <Space size={4} wrap>
                <span>{node.region.name}</span>
                <Typography.Text type="secondary">{node.region.code}</Typography.Text>
                <Tag color={LEVEL_COLORS[node.region.level]}>{regionLevelLabel(node.region.level)}</Tag>
                {editable ? (
                  <>
                    <Button size="small" type="link" onClick={() => setRenaming(node.region)}>
                      重命名
                    </Button>
                    {node.region.level !== 'township' ? (
                      <Button size="small" type="link" onClick={() => setAdding(childPrefix(node.region))}>
                        新增下级
                      </Button>
                    ) : null}
                  </>
                ) : null}
              </Space>
            )}
          />
        </Space>
      </Card>
      <AddRegionModal
        open={adding !== null}
        prefix={adding ?? ''}
        regions={regions}
        onClose={() => setAdding(null)}
        onDone={() => changed('已新增行政区划')}
      />
      <RenameRegionModal
        region={renaming}
        onClose={() => setRenaming(null)}
        onDone={() => changed('已重命名')}
      />
    </>
  );
}
