// The demo's fictitious parties, and the plausible past days its steps happen on.
import type { Party } from '../modules/cases/documents/types.ts';
import type * as cases from '../modules/cases/service.ts';
import { residentIdCheckChar } from '../platform/identifiers/resident-id.ts';
import { makeUscc } from '../platform/identifiers/uscc.ts';

const DAY = 86_400_000;

/** 10:00 Beijing time, `daysAgo` days before now: the demo's steps happen on plausible past days. */
export function at(daysAgo: number, hour = 10): Date {
  const d = new Date(Date.now() - daysAgo * DAY);
  const ymd = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);
  return new Date(`${ymd}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}
export const on = (daysAgo: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(at(daysAgo));
/** The same day as prose writes it in a document: 2026年3月2日. */
export const cnDay = (daysAgo: number) => {
  const [y, m, d] = on(daysAgo).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

export interface Shop {
  api: cases.PartyInput;
  doc: Party;
}

function company(name: string, first17: string, representative: string, address: string): Shop {
  const uscc = makeUscc(first17);
  return {
    api: { type: 'legal_person', name, idNumber: uscc, representative, address },
    doc: { kind: 'legal_person', name, uscc, representative, address },
  };
}
function person(name: string, first17: string, address: string): Shop {
  const id = first17 + residentIdCheckChar(first17);
  return {
    api: { type: 'natural_person', name, idNumber: id, address },
    doc: { kind: 'natural_person', name, sex: '男', residentIdNumber: id, address },
  };
}

// Fictitious parties of the demo.
export const SHOPS = {
  supermarket: company(
    '蚌埠市惠民乐购超市有限公司',
    '91340302MA2PX7K1Q',
    '孙建华',
    '安徽省蚌埠市龙子湖区治淮路268号',
  ),
  restaurant: company(
    '蚌埠淮畔餐饮管理有限公司',
    '91340300MA2N7H3C0',
    '周海燕',
    '安徽省蚌埠市龙子湖区东海大道1688号',
  ),
  bakery: company('蚌埠市禹会区麦香坊食品店', '92340304MA2RT5B6W', '钱卫东', '安徽省蚌埠市禹会区涂山路55号'),
  wholesaler: company(
    '蚌埠市鑫源食品批发有限公司',
    '91340311MA2U8E4L3',
    '赵鑫',
    '安徽省蚌埠市淮上区沫河口工业园',
  ),
  vendor: person('吴长林', '34030319750618201', '安徽省蚌埠市蚌山区纬四路12号'),
  cafe: company('蚌埠市蚌山区拾光咖啡馆', '92340303MA2W1C9F5', '郑雨桐', '安徽省蚌埠市蚌山区南湖路18号'),
  oilTrader: company(
    '蚌埠市淮河粮油贸易有限公司',
    '91340300MA2TQ6F8R',
    '马永强',
    '安徽省蚌埠市禹会区长青乡粮食物流园8号',
  ),
  foodFactory: company(
    '蚌埠市佳味食品有限公司',
    '91340303MA2YH3N5K',
    '何丽萍',
    '安徽省蚌埠市蚌山区高新区兴中路66号',
  ),
  market: company(
    '蚌埠市禾丰农产品批发市场有限公司',
    '91340311MA2XK7P2D',
    '陶志刚',
    '安徽省蚌埠市淮上区淮上大道2号',
  ),
};
