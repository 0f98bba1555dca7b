// Pins the bundled data to the State Council notices themselves: every date below is copied from the
// notice's text by hand, not from chinese-days or the generator.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBundledCalendar, loadBundledCalendarYears } from './bundled.ts';

const years = loadBundledCalendarYears();
const calendar = createBundledCalendar();

function year(y: number) {
  const found = years.find((entry) => entry.year === y);
  assert.ok(found, `${y} is bundled`);
  return found;
}

function assertOff(dates: string[]) {
  for (const date of dates) assert.equal(calendar.isWorkingDay(date).working, false, `${date} is a day off`);
}

function assertWorking(dates: string[]) {
  for (const date of dates) {
    assert.deepEqual(calendar.isWorkingDay(date), { working: true, provisional: false }, `${date} is worked`);
  }
}

test('years 2019 to 2026 are bundled', () => {
  assert.deepEqual(
    years.map((entry) => entry.year),
    [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
  );
  assert.deepEqual(calendar.loadedYears(), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
});

test('each year cites its notice (发文字号)', () => {
  const numbers = Object.fromEntries(years.map((entry) => [entry.year, entry.notice.number]));
  assert.deepEqual(numbers, {
    2019: '国办发明电〔2018〕15号',
    2020: '国办发明电〔2019〕16号',
    2021: '国办发明电〔2020〕27号',
    2022: '国办发明电〔2021〕11号',
    2023: '国办发明电〔2022〕16号',
    2024: '国办发明电〔2023〕7号',
    2025: '国办发明电〔2024〕12号',
    2026: '国办发明电〔2025〕7号',
  });
  assert.equal(year(2025).notice.title, '国务院办公厅关于2025年部分节假日安排的通知');
  assert.equal(year(2025).notice.publishedOn, '2024-11-12');
  assert.equal(year(2026).notice.publishedOn, '2025-11-04');
});

describe('2024 (国办发明电〔2023〕7号)', () => {
  test('holidays and adjusted working days, exactly', () => {
    assert.deepEqual(year(2024).holidays, [
      '2024-01-01',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
      '2024-04-04',
      '2024-04-05',
      '2024-04-06',
      '2024-05-01',
      '2024-05-02',
      '2024-05-03',
      '2024-05-04',
      '2024-05-05',
      '2024-06-10',
      '2024-09-15',
      '2024-09-16',
      '2024-09-17',
      '2024-10-01',
      '2024-10-02',
      '2024-10-03',
      '2024-10-04',
      '2024-10-05',
      '2024-10-06',
      '2024-10-07',
    ]);
    assert.deepEqual(year(2024).workdays, [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ]);
  });

  test('Spring Festival Feb 10–17 off, Feb 4 and Feb 18 working; 除夕 Feb 9 is only "encouraged" off', () => {
    assertOff(['2024-02-10', '2024-02-12', '2024-02-16', '2024-02-17']);
    assertWorking(['2024-02-04', '2024-02-18', '2024-02-09']);
  });
});

describe('2025 (国办发明电〔2024〕12号)', () => {
  test('holidays and adjusted working days, exactly', () => {
    assert.deepEqual(year(2025).holidays, [
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
      '2025-04-04',
      '2025-04-05',
      '2025-04-06',
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
      '2025-05-05',
      '2025-05-31',
      '2025-06-01',
      '2025-06-02',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    assert.deepEqual(year(2025).workdays, [
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
  });

  test('Spring Festival Jan 28–Feb 4 off, Jan 26 and Feb 8 working', () => {
    assertOff(['2025-01-28', '2025-02-03', '2025-02-04']);
    assertWorking(['2025-01-26', '2025-02-08', '2025-01-27', '2025-02-05']);
  });

  test('National Day and Mid-Autumn Oct 1–8 off, Sep 28 and Oct 11 working', () => {
    assertOff(['2025-10-01', '2025-10-06', '2025-10-08']);
    assertWorking(['2025-09-28', '2025-10-11', '2025-10-09']);
  });

  test('元旦 on a Wednesday: only Jan 1, no adjustment', () => {
    assertOff(['2025-01-01']);
    assertWorking(['2024-12-31', '2025-01-02']);
  });
});

describe('2026 (国办发明电〔2025〕7号)', () => {
  test('holidays and adjusted working days, exactly', () => {
    assert.deepEqual(year(2026).holidays, [
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    assert.deepEqual(year(2026).workdays, [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  test('Spring Festival Feb 15–23 off (9 days), Feb 14 and Feb 28 working', () => {
    assertOff(['2026-02-15', '2026-02-16', '2026-02-23']);
    assertWorking(['2026-02-14', '2026-02-28', '2026-02-24']);
  });
});

describe('2019–2023 key facts', () => {
  test('2019: Labour Day amended to May 1–4 (国办发明电〔2019〕3号), Apr 28 and May 5 working', () => {
    assert.equal(year(2019).amendments?.[0]?.number, '国办发明电〔2019〕3号');
    assertOff(['2019-05-01', '2019-05-02', '2019-05-03', '2019-02-04', '2019-02-08', '2019-10-07']);
    assertWorking(['2019-04-28', '2019-05-05', '2019-02-02', '2019-02-03', '2019-09-29', '2019-10-12']);
  });

  test('2020: Spring Festival extended to Feb 2 (国办发明电〔2020〕1号), so Feb 1 is no longer worked', () => {
    const amendment = year(2020).amendments?.[0];
    assert.equal(amendment?.number, '国办发明电〔2020〕1号');
    assert.equal(amendment?.title, '国务院办公厅关于延长2020年春节假期的通知');
    assertOff(['2020-01-24', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02']);
    assert.ok(!year(2020).workdays.includes('2020-02-01'));
    assertWorking(['2020-01-19', '2020-02-03', '2020-09-27', '2020-10-10']);
    assertOff(['2020-10-08']);
  });

  test('2021: Spring Festival Feb 11–17, Feb 7 and Feb 20 working', () => {
    assertOff(['2021-02-11', '2021-02-17', '2021-09-20', '2021-09-21']);
    assertWorking(['2021-02-07', '2021-02-20', '2021-09-18', '2021-09-26', '2021-10-09']);
  });

  test('2022: Jan 29–30 and Oct 8–9 working; Dec 31 off (from the 2023 notice)', () => {
    assertOff(['2022-01-31', '2022-02-04', '2022-04-04', '2022-04-05', '2022-12-31']);
    assertWorking(['2022-01-29', '2022-01-30', '2022-04-02', '2022-10-08', '2022-10-09']);
    assert.equal(year(2022).amendments?.[0]?.number, '国办发明电〔2022〕16号');
  });

  test('2023: Jan 28–29 working after Spring Festival; Sep 29–Oct 6 off', () => {
    assertOff(['2023-01-02', '2023-01-27', '2023-09-29', '2023-10-06']);
    assertWorking(['2023-01-28', '2023-01-29', '2023-06-25', '2023-10-07', '2023-10-08']);
  });
});

test('working days per year, counted by hand from the notices', () => {
  // 2024: 366 − 104 weekend days − 19 weekday holidays + 8 adjusted working days.
  assert.deepEqual(calendar.workingDaysBetween('2023-12-31', '2024-12-31'), {
    count: 251,
    provisional: false,
  });
  // 2025: 365 − 104 − 18 + 5.
  assert.deepEqual(calendar.workingDaysBetween('2024-12-31', '2025-12-31'), {
    count: 248,
    provisional: false,
  });
  // 2026: 365 − 104 − 19 + 6.
  assert.deepEqual(calendar.workingDaysBetween('2025-12-31', '2026-12-31'), {
    count: 248,
    provisional: false,
  });
});
