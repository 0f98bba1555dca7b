/**
 * Regenerates data/<year>.json from the `chinese-days` package, so the committed calendar data has a
 * reproducible source. The runtime never calls chinese-days: it silently treats a year it lacks as
 * weekdays-only (STACK.md, "working days"), whereas our calendar marks such years provisional.
 *
 *   node --import tsx src/platform/calendar/extract-from-chinese-days.ts          # write the files
 *   node --import tsx src/platform/calendar/extract-from-chinese-days.ts --check  # fail if they differ
 *
 * The dates come from the package's raw table (dist/chinese-days.json: `holidays` and `workdays` keyed
 * by date); the notices below were checked by hand against each year's published text. After a new
 * notice: add it here, upgrade chinese-days, re-run, and compare the dates with the notice itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type CalendarYear, type Notice, validateCalendarYear } from './rules.ts';

const DATA_DIR = new URL('./data/', import.meta.url);

const notice = (year: number, number: string, publishedOn: string, signedOn?: string): Notice => ({
  title: `国务院办公厅关于${year}年部分节假日安排的通知`,
  number,
  publishedOn,
  ...(signedOn ? { signedOn } : {}),
});

/** The notices each year's dates come from (title, 发文字号, publication date). */
export const NOTICES: Record<number, { notice: Notice; amendments?: Notice[] }> = {
  2019: {
    notice: notice(2019, '国办发明电〔2018〕15号', '2018-12-06', '2018-12-04'),
    amendments: [
      {
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        number: '国办发明电〔2019〕3号',
        publishedOn: '2019-03-22',
        note: '劳动节改为5月1日至4日放假调休，4月28日（星期日）、5月5日（星期日）上班',
      },
    ],
  },
  2020: {
    notice: notice(2020, '国办发明电〔2019〕16号', '2019-11-21'),
    amendments: [
      {
        title: '国务院办公厅关于延长2020年春节假期的通知',
        number: '国办发明电〔2020〕1号',
        publishedOn: '2020-01-27',
        signedOn: '2020-01-26',
        note: '春节假期延长至2月2日（星期日），2月3日起正常上班；原定2月1日（星期六）上班随之取消',
      },
    ],
  },
  2021: { notice: notice(2021, '国办发明电〔2020〕27号', '2020-11-25') },
  2022: {
    notice: notice(2022, '国办发明电〔2021〕11号', '2021-10-25'),
    amendments: [
      { ...notice(2023, '国办发明电〔2022〕16号', '2022-12-08'), note: '2023年元旦假期自2022年12月31日起' },
    ],
  },
  2023: { notice: notice(2023, '国办发明电〔2022〕16号', '2022-12-08') },
  2024: { notice: notice(2024, '国办发明电〔2023〕7号', '2023-10-25') },
  2025: { notice: notice(2025, '国办发明电〔2024〕12号', '2024-11-12') },
  2026: { notice: notice(2026, '国办发明电〔2025〕7号', '2025-11-04') },
};

type RawTable = { holidays: Record<string, string>; workdays: Record<string, string> };

function readChineseDays(): RawTable {
  const require = createRequire(import.meta.url);
  const path = require.resolve('chinese-days/dist/chinese-days.json');
  const table = JSON.parse(readFileSync(path, 'utf8')) as Partial<RawTable>;
  if (typeof table.holidays !== 'object' || typeof table.workdays !== 'object') {
    throw new Error(`unexpected layout of ${path}: expected { holidays, workdays }`);
  }
  return table as RawTable;
}

/** The calendar years as chinese-days has them, with our notice citations, validated. */
export function extractCalendarYears(): CalendarYear[] {
  const table = readChineseDays();
  return Object.entries(NOTICES).map(([key, sources]) => {
    const year = Number(key);
    const inYear = (dates: Record<string, string>) =>
      Object.keys(dates)
        .filter((date) => date.startsWith(`${year}-`))
        .sort();
    const result = validateCalendarYear({
      year,
      ...sources,
      holidays: inYear(table.holidays),
      workdays: inYear(table.workdays),
    });
    if (!result.ok) {
      throw new Error(`${year}: ${result.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    }
    return result.value;
  });
}

export function serializeCalendarYear(year: CalendarYear): string {
  return `${JSON.stringify(year, null, 2)}\n`;
}

function main(args: string[]): void {
  const check = args.includes('--check');
  let stale = 0;
  for (const year of extractCalendarYears()) {
    const file = new URL(`${year.year}.json`, DATA_DIR);
    const text = serializeCalendarYear(year);
    if (check) {
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {}
      if (current !== text) {
        stale += 1;
        console.error(`data/${year.year}.json differs from what chinese-days gives`);
      }
    } else {
      writeFileSync(file, text);
      console.log(
        `wrote data/${year.year}.json (${year.holidays.length} holidays, ${year.workdays.length} workdays)`,
      );
    }
  }
  if (stale > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
