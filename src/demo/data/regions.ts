import type { DemoRegion } from './types.ts';

/**
 * 安徽省 → 蚌埠市 → its districts and counties, with their GB/T 2260 codes. No townships: we do not
 * invent township codes we cannot verify.
 */
export const DEMO_REGIONS: readonly DemoRegion[] = [
  { code: '340000', name: '安徽省', level: 'province', parentCode: null },
  { code: '340300', name: '蚌埠市', level: 'city', parentCode: '340000' },
  { code: '340302', name: '龙子湖区', level: 'county', parentCode: '340300' },
  { code: '340303', name: '蚌山区', level: 'county', parentCode: '340300' },
  { code: '340304', name: '禹会区', level: 'county', parentCode: '340300' },
  { code: '340311', name: '淮上区', level: 'county', parentCode: '340300' },
  { code: '340321', name: '怀远县', level: 'county', parentCode: '340300' },
  { code: '340322', name: '五河县', level: 'county', parentCode: '340300' },
  { code: '340323', name: '固镇县', level: 'county', parentCode: '340300' },
];

export const BENGBU = '340300';
export const HUAIYUAN = '340321';
