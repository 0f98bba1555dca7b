import type { DemoCategory } from './types.ts';

/** 执法类别: the fields of comprehensive administrative enforcement (综合行政执法) and the justice bureau's. */
export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { code: 'MARKET', name: '市场监管' },
  { code: 'URBAN', name: '城市管理' },
  { code: 'ECOLOGY', name: '生态环境' },
  { code: 'SAFETY', name: '应急管理' },
  { code: 'TRANSPORT', name: '交通运输' },
  { code: 'CULTURE', name: '文化市场' },
  { code: 'AGRICULTURE', name: '农业农村' },
  { code: 'HEALTH', name: '卫生健康' },
  { code: 'JUSTICE', name: '司法行政' },
];
