import { REGION_LEVEL_LABELS } from './labels.ts';
import type { Region } from './types.ts';

export interface RegionNode {
  key: string;
  value: string;
  title: string;
  region: Region;
  children?: RegionNode[];
}

/** Nests regions by parentCode; a region whose parent is not visible becomes a root. */
export function buildRegionTree(regions: Region[]): RegionNode[] {
  const sorted = [...regions].sort((a, b) => a.code.localeCompare(b.code));
  const nodes = new Map<string, RegionNode>();
  for (const r of sorted) {
    nodes.set(r.code, { key: r.code, value: r.code, title: `${r.name}（${r.code}）`, region: r });
  }
  const roots: RegionNode[] = [];
  for (const r of sorted) {
    const node = nodes.get(r.code);
    if (!node) continue;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}

export function regionLevelLabel(level: string): string {
  return (REGION_LEVEL_LABELS as Record<string, string>)[level] ?? level;
}

/**
 * The parent the server will derive from a GB/T 2260 code (preview only): 9+ digit codes belong to
 * their 6-digit county, XXYYZZ to XXYY00, XXYY00 to XX0000.
 */
export function derivedParentCode(code: string): string | null {
  if (!/^\d{6,}$/.test(code)) return null;
  if (code.length > 6) return code.slice(0, 6);
  if (code.slice(4) !== '00') return `${code.slice(0, 4)}00`;
  if (code.slice(2, 4) !== '00') return `${code.slice(0, 2)}0000`;
  return null;
}
