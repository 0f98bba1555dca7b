import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createBundledCalendar, loadBundledCalendarYears } from './bundled.ts';
import {
  CalendarError,
  type CalendarYear,
  dateInShanghai,
  REST_DAY_ROLL_FORWARD,
  validateCalendarYear,
  WorkingCalendar,
} from './rules.ts';

const calendar = createBundledCalendar();

function throwsCode(fn: () => unknown, code: string) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof CalendarError);
    assert.equal(error.code, code);
    assert.match(error.message, /[\u4e00-\u9fff]/, 'message is in Chinese');
    return true;
  });
}

describe('addWorkingDays: deadlines across holidays', () => {
  test('REQUIREMENTS example: decision Fri 2025-09-26, publish within 7 working days → 2025-10-13', () => {
    // Sep 28 (Sun, 调休上班), 29, 30, Oct 9, 10, 11 (Sat, 调休上班), 13.
    assert.deepEqual(calendar.addWorkingDays('2025-09-26', 7), {
      from: '2025-09-26',
      days: 7,
      date: '2025-10-13',
      provisional: false,
    });
  });

  test('5 working days across Spring Festival 2025: from Fri Jan 24 → Fri Feb 7', () => {
    // Jan 26 (Sun, 调休上班), 27, [Jan 28–Feb 4 off], Feb 5, 6, 7.
    assert.equal(calendar.addWorkingDays('2025-01-24', 5).date, '2025-02-07');
  });

  test('20 working days across Spring Festival 2025: from Mon Jan 20 → Fri Feb 21', () => {
    // Jan 21–24 (4), Jan 26 Sun (5), 27 (6), Feb 5–7 (9), Feb 8 Sat (10), Feb 10–14 (15), Feb 17–21 (20).
    assert.equal(calendar.addWorkingDays('2025-01-20', 20).date, '2025-02-21');
  });

  test('Spring Festival 2026: 5 working days from Thu Feb 12 → Thu Feb 26; 20 from Fri Feb 6 → Thu Mar 12', () => {
    // Feb 13, 14 (Sat, 调休上班), [Feb 15–23 off], 24, 25, 26.
    assert.equal(calendar.addWorkingDays('2026-02-12', 5).date, '2026-02-26');
    // Feb 9–13 (5), 14 Sat (6), 24–27 (10), 28 Sat (11), Mar 2–6 (16), Mar 9–12 (20).
    assert.equal(calendar.addWorkingDays('2026-02-06', 20).date, '2026-03-12');
  });

  test('Spring Festival 2024: 除夕 Feb 9 counts; from Thu Feb 8, 5 working days → Wed Feb 21', () => {
    // Feb 9 (1), [Feb 10–17 off], Feb 18 Sun 调休上班 (2), 19, 20, 21.
    assert.equal(calendar.addWorkingDays('2024-02-08', 5).date, '2024-02-21');
  });

  test('the event day is not counted even when it is a working day', () => {
    assert.equal(calendar.addWorkingDays('2025-03-03', 1).date, '2025-03-04');
    assert.equal(calendar.addWorkingDays('2025-03-07', 1).date, '2025-03-10');
    // An event on a holiday: the first working day after the holiday is day 1.
    assert.equal(calendar.addWorkingDays('2025-10-03', 1).date, '2025-10-09');
  });

  test('366 working days is accepted', () => {
    const result = calendar.addWorkingDays('2024-01-01', 366);
    assert.equal(calendar.workingDaysBetween('2024-01-01', result.date).count, 366);
    assert.equal(calendar.isWorkingDay(result.date).working, true);
  });
});

describe('provisional: years without a loaded notice', () => {
  test('2027 is not loaded: weekends off, weekdays working, all provisional', () => {
    assert.deepEqual(calendar.isWorkingDay('2027-01-01'), { working: true, provisional: true });
    assert.deepEqual(calendar.isWorkingDay('2027-01-02'), { working: false, provisional: true });
    assert.deepEqual(calendar.isWorkingDay('2027-01-03'), { working: false, provisional: true });
    assert.deepEqual(calendar.isWorkingDay('2027-01-04'), { working: true, provisional: true });
  });

  test('a deadline starting in Dec 2026 and running into 2027 is provisional', () => {
    // Dec 29, 30, 31 (2026, known), Jan 1 (Fri, 2027 unknown), Jan 4 (Mon).
    assert.deepEqual(calendar.addWorkingDays('2026-12-28', 5), {
      from: '2026-12-28',
      days: 5,
      date: '2027-01-04',
      provisional: true,
    });
    assert.deepEqual(calendar.addWorkingDays('2026-12-31', 1), {
      from: '2026-12-31',
      days: 1,
      date: '2027-01-01',
      provisional: true,
    });
  });

  test('a deadline that stays inside loaded years is not provisional', () => {
    assert.deepEqual(calendar.addWorkingDays('2026-12-21', 3), {
      from: '2026-12-21',
      days: 3,
      date: '2026-12-24',
      provisional: false,
    });
  });

  test('an empty calendar is all provisional and says so in its version', () => {
    const empty = new WorkingCalendar([]);
    assert.deepEqual(empty.loadedYears(), []);
    assert.match(empty.version, /^none:/);
    assert.deepEqual(empty.addWorkingDays('2025-09-26', 7), {
      from: '2025-09-26',
      days: 7,
      date: '2025-10-07',
      provisional: true,
    });
  });
});

describe('addCalendarDays', () => {
  test('from + N, the event day not counted, never provisional', () => {
    assert.deepEqual(calendar.addCalendarDays('2025-09-26', 7), {
      from: '2025-09-26',
      days: 7,
      date: '2025-10-03',
      provisional: false,
    });
    assert.equal(calendar.addCalendarDays('2024-02-28', 1).date, '2024-02-29');
    assert.equal(calendar.addCalendarDays('2025-02-28', 1).date, '2025-03-01');
    assert.deepEqual(calendar.addCalendarDays('2026-12-31', 60), {
      from: '2026-12-31',
      days: 60,
      date: '2027-03-01',
      provisional: false,
    });
  });
});

describe('rest-day roll-forward (REST_DAY_ROLL_FORWARD)', () => {
  test('the rule is stated once, with its sources', () => {
    assert.match(REST_DAY_ROLL_FORWARD.zh, /市场监督管理行政处罚程序规定/, 'cites the SAMR procedure rules');
    assert.match(REST_DAY_ROLL_FORWARD.zh, /民事诉讼法》第八十五条/, 'cites 民事诉讼法 art. 85');
  });

  test('Spring Festival 2026: served 01-31, 15 days → 02-15 (春节, Feb 15–23 per 国办发明电〔2025〕7号) → 02-24', () => {
    assert.deepEqual(
      calendar.isWorkingDay('2026-02-15'),
      { working: false, provisional: false },
      '2026-02-15 is a holiday in the bundled 2026 notice',
    );
    assert.deepEqual(
      calendar.isWorkingDay('2026-02-23'),
      { working: false, provisional: false },
      '2026-02-23 is the last day of the holiday',
    );
    assert.deepEqual(
      calendar.addCalendarDaysRolled('2026-01-31', 15),
      { from: '2026-01-31', days: 15, date: '2026-02-24', unadjusted: '2026-02-15', provisional: false },
      'rolled to the first working day after the holiday',
    );
    assert.equal(
      calendar.addCalendarDays('2026-01-31', 15).date,
      '2026-02-15',
      'the plain count is unchanged',
    );
  });

  test('National Day 2026: a 15th day on 10-03 rolls to 10-08', () => {
    assert.deepEqual(
      calendar.addCalendarDaysRolled('2026-09-18', 15),
      { from: '2026-09-18', days: 15, date: '2026-10-08', unadjusted: '2026-10-03', provisional: false },
      '10-01..10-07 are holidays, 10-08 is the first working day',
    );
  });

  test('a weekend rolls to Monday; a Saturday made a working day (调休上班) does not roll', () => {
    assert.equal(
      calendar.addCalendarDaysRolled('2025-03-07', 15).date,
      '2025-03-24',
      'Sat 03-22 → Mon 03-24',
    );
    assert.equal(calendar.addCalendarDaysRolled('2025-03-07', 15).unadjusted, '2025-03-22', 'plain 15th day');
    // 2026-02-14 (Sat) is 调休上班 in the 2026 notice.
    assert.deepEqual(
      calendar.addCalendarDaysRolled('2026-01-30', 15),
      { from: '2026-01-30', days: 15, date: '2026-02-14', unadjusted: '2026-02-14', provisional: false },
      'a working Saturday is a working day',
    );
    assert.equal(calendar.addCalendarDaysRolled('2025-10-13', 15).date, '2025-10-28', 'a weekday stays');
  });

  test('a move into a year whose notice is not loaded is provisional', () => {
    // 2026-12-20 + 13 = Sat 2027-01-02: 2027 is not loaded, weekends only → Mon 01-04, provisional.
    assert.deepEqual(
      calendar.addCalendarDaysRolled('2026-12-20', 13),
      { from: '2026-12-20', days: 13, date: '2027-01-04', unadjusted: '2027-01-02', provisional: true },
      'moved over an unknown weekend',
    );
    assert.equal(
      calendar.addCalendarDaysRolled('2026-12-20', 12).provisional,
      true,
      'Fri 2027-01-01 unknown',
    );
  });

  test('months (民法典 art. 202): the corresponding day, else the month end; then the move', () => {
    assert.deepEqual(
      calendar.addMonths('2026-03-16', 6),
      { from: '2026-03-16', months: 6, date: '2026-09-16', unadjusted: '2026-09-16', provisional: false },
      'Wed 2026-09-16 is a working day',
    );
    assert.equal(calendar.addMonths('2025-08-31', 6).unadjusted, '2026-02-28', 'no Feb 31: the month end');
    assert.equal(calendar.addMonths('2025-08-31', 6).date, '2026-02-28', 'Sat 02-28 is 调休上班: no move');
    assert.deepEqual(
      calendar.addMonths('2025-03-31', 2),
      { from: '2025-03-31', months: 2, date: '2025-06-03', unadjusted: '2025-05-31', provisional: false },
      '05-31..06-02 are 端午 2025: moved to Tue 06-03',
    );
    assert.equal(calendar.addMonths('2025-08-01', 6).unadjusted, '2026-02-01', 'a Sunday');
    assert.equal(calendar.addMonths('2026-04-03', 6).date, '2026-10-08', '10-03 is National Day → 10-08');
    throwsCode(() => calendar.addMonths('2026-04-03', 0), 'INVALID_DAYS');
    throwsCode(() => calendar.addMonths('2026-04-31', 6), 'INVALID_DATE');
  });
});

describe('workingDaysBetween', () => {
  test('counts d with from < d ≤ to', () => {
    assert.deepEqual(calendar.workingDaysBetween('2025-09-26', '2025-10-13'), {
      count: 7,
      provisional: false,
    });
    assert.deepEqual(calendar.workingDaysBetween('2025-09-26', '2025-10-12'), {
      count: 6,
      provisional: false,
    });
    assert.deepEqual(calendar.workingDaysBetween('2025-09-30', '2025-10-08'), {
      count: 0,
      provisional: false,
    });
    assert.deepEqual(calendar.workingDaysBetween('2025-01-27', '2025-02-08'), {
      count: 4,
      provisional: false,
    });
  });

  test('0 when to ≤ from', () => {
    assert.deepEqual(calendar.workingDaysBetween('2025-10-13', '2025-10-13'), {
      count: 0,
      provisional: false,
    });
    assert.deepEqual(calendar.workingDaysBetween('2025-10-13', '2025-09-26'), {
      count: 0,
      provisional: false,
    });
  });

  test('provisional when it crosses into 2027', () => {
    // Dec 31 2026, Jan 1 2027 (unknown, weekday), Jan 4 2027.
    assert.deepEqual(calendar.workingDaysBetween('2026-12-30', '2027-01-04'), {
      count: 3,
      provisional: true,
    });
  });
});

describe('input errors', () => {
  test('days must be an integer 1..366', () => {
    for (const days of [0, 367, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      throwsCode(() => calendar.addWorkingDays('2025-09-26', days), 'INVALID_DAYS');
      throwsCode(() => calendar.addCalendarDays('2025-09-26', days), 'INVALID_DAYS');
    }
    throwsCode(() => calendar.addWorkingDays('2025-09-26', '7' as unknown as number), 'INVALID_DAYS');
  });

  test('dates must be real YYYY-MM-DD dates', () => {
    for (const date of ['2025-02-30', '2025-13-01', '2025-2-3', '20250203', '2025/02/03', '', 'tomorrow']) {
      throwsCode(() => calendar.isWorkingDay(date), 'INVALID_DATE');
      throwsCode(() => calendar.addWorkingDays(date, 7), 'INVALID_DATE');
      throwsCode(() => calendar.addCalendarDays(date, 7), 'INVALID_DATE');
      throwsCode(() => calendar.workingDaysBetween(date, '2025-10-13'), 'INVALID_DATE');
      throwsCode(() => calendar.workingDaysBetween('2025-10-13', date), 'INVALID_DATE');
    }
    throwsCode(() => calendar.isWorkingDay('2025-09-26T00:00:00Z'), 'INVALID_DATE');
    throwsCode(() => calendar.isWorkingDay(undefined as unknown as string), 'INVALID_DATE');
    throwsCode(() => calendar.isWorkingDay('0025-01-01'), 'INVALID_DATE');
    throwsCode(() => calendar.isWorkingDay('1900-01-01'), 'INVALID_DATE');
    assert.deepEqual(calendar.isWorkingDay('2024-02-29'), { working: true, provisional: false });
  });
});

const valid = (): CalendarYear => ({
  year: 2025,
  notice: { title: '国务院办公厅关于2025年部分节假日安排的通知', number: '国办发明电〔2024〕12号' },
  holidays: ['2025-01-01', '2025-01-28'],
  workdays: ['2025-01-26'],
});

function codesOf(input: unknown): string[] {
  const result = validateCalendarYear(input);
  assert.equal(result.ok, false);
  if (result.ok) return [];
  for (const error of result.errors) assert.match(error.message, /[\u4e00-\u9fff]/, 'message is in Chinese');
  return result.errors.map((error) => error.code);
}

describe('validateCalendarYear', () => {
  test('accepts a valid year and returns it with sorted dates', () => {
    const input = { ...valid(), holidays: ['2025-01-28', '2025-01-01'] };
    const result = validateCalendarYear(input);
    assert.ok(result.ok);
    assert.deepEqual(result.value.holidays, ['2025-01-01', '2025-01-28']);
  });

  test('accepts every bundled year', () => {
    for (const year of loadBundledCalendarYears()) assert.equal(validateCalendarYear(year).ok, true);
  });

  test('rejects a date that is both a holiday and an adjusted working day', () => {
    const input = { ...valid(), holidays: ['2025-01-26'], workdays: ['2025-01-26'] };
    assert.deepEqual(codesOf(input), ['HOLIDAY_AND_WORKDAY']);
  });

  test('rejects a date outside the year', () => {
    assert.deepEqual(codesOf({ ...valid(), holidays: ['2024-12-31'] }), ['DATE_OUTSIDE_YEAR']);
    assert.deepEqual(codesOf({ ...valid(), workdays: ['2026-01-04'] }), ['DATE_OUTSIDE_YEAR']);
  });

  test('rejects a weekday listed as an adjusted working day', () => {
    // 2025-01-27 is a Monday.
    const result = validateCalendarYear({ ...valid(), workdays: ['2025-01-27'] });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      {
        field: 'workdays[0]',
        code: 'WORKDAY_NOT_WEEKEND',
        message: '调休上班日期2025-01-27不是星期六或星期日（平日本来就上班）',
      },
    ]);
  });

  test('rejects malformed dates', () => {
    assert.deepEqual(codesOf({ ...valid(), holidays: ['2025-02-30', '2025-1-1', 20250101, null] }), [
      'INVALID_DATE',
      'INVALID_DATE',
      'INVALID_DATE',
      'INVALID_DATE',
    ]);
    assert.deepEqual(codesOf({ ...valid(), holidays: '2025-01-01' }), ['INVALID_TYPE']);
  });

  test('rejects duplicates', () => {
    assert.deepEqual(codesOf({ ...valid(), holidays: ['2025-01-01', '2025-01-01'] }), ['DUPLICATE_DATE']);
  });

  test('rejects a bad year', () => {
    for (const year of [1948, 2101, 2025.5, '2025', undefined]) {
      assert.deepEqual(codesOf({ ...valid(), year }), ['INVALID_YEAR']);
    }
  });

  test('requires the notice title and number', () => {
    const result = validateCalendarYear({ ...valid(), notice: { title: ' ', number: '' } });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((error) => [error.field, error.code]),
      [
        ['notice.title', 'FIELD_REQUIRED'],
        ['notice.number', 'FIELD_REQUIRED'],
      ],
    );
    assert.deepEqual(codesOf({ ...valid(), notice: undefined }), ['FIELD_REQUIRED']);
    assert.deepEqual(codesOf({ ...valid(), amendments: [{ title: '补充通知' }] }), ['FIELD_REQUIRED']);
    assert.deepEqual(codesOf({ ...valid(), notice: { ...valid().notice, publishedOn: '2024-11-31' } }), [
      'INVALID_DATE',
    ]);
  });

  test('rejects what is not an object', () => {
    for (const input of [null, [], 'x', 2025]) assert.deepEqual(codesOf(input), ['INVALID_TYPE']);
  });
});

describe('WorkingCalendar construction and version', () => {
  test('rejects invalid data and a year loaded twice', () => {
    throwsCode(() => new WorkingCalendar([{ ...valid(), workdays: ['2025-01-27'] }]), 'INVALID_CALENDAR');
    throwsCode(() => new WorkingCalendar([valid(), valid()]), 'INVALID_CALENDAR');
  });

  test('version names the years and changes with the data, not with input order', () => {
    const years = loadBundledCalendarYears();
    assert.match(calendar.version, /^2019-2026:[0-9a-f]{8}$/);
    assert.equal(new WorkingCalendar([...years].reverse()).version, calendar.version);
    const edited = years.map((y) => (y.year === 2025 ? { ...y, workdays: ['2025-01-26'] } : y));
    assert.notEqual(new WorkingCalendar(edited).version, calendar.version);
    const gap = years.filter((y) => y.year !== 2022);
    assert.match(new WorkingCalendar(gap).version, /^2019-2021,2023-2026:/);
  });
});

test('dateInShanghai gives the Asia/Shanghai calendar date of an instant', () => {
  assert.equal(dateInShanghai(new Date('2025-09-25T16:30:00Z')), '2025-09-26');
  assert.equal(dateInShanghai(new Date('2025-09-26T15:59:59Z')), '2025-09-26');
  assert.equal(dateInShanghai(Date.UTC(2025, 8, 26, 16, 0, 0)), '2025-09-27');
});
