import type { ConfigProviderProps } from 'antd';
import * as zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

// antd ships its locale files as ESM without "type": "module", so TypeScript (NodeNext) and the bundler
// disagree on what the default export is. Accept both shapes.
const mod = zhCNModule as unknown as { default: AntdLocale | { default: AntdLocale } };
export const zhCN: AntdLocale = 'locale' in mod.default ? mod.default : mod.default.default;

dayjs.locale('zh-cn');
