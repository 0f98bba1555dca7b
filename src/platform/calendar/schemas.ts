import Type from 'typebox';
import { DAYS_RANGE, YEAR_RANGE } from './rules.ts';

// Query parameters are declared as strings: the route checks them itself (service.parseDateInput,
// parseDaysInput) so that `days=1.5`, `days=1e2` or `from=2025-02-30` get their precise code
// (INVALID_DAYS, INVALID_DATE) rather than Ajv's coercion and generic codes.
const DateParam = (title: string) =>
  Type.String({ title, format: 'date', description: 'YYYY-MM-DD（北京时间的日历日期）' });
const DaysParam = Type.String({
  title: '期限天数',
  pattern: '^[0-9]+$',
  description: `${DAYS_RANGE.min}至${DAYS_RANGE.max}之间的整数；事件当日不计入`,
});

export const AddDaysQuery = Type.Object(
  { from: DateParam('起算日期'), days: DaysParam },
  { additionalProperties: false },
);
export const BetweenQuery = Type.Object(
  { from: DateParam('起始日期'), to: DateParam('截止日期') },
  { additionalProperties: false },
);

// Dates are plain strings here: validateCalendarYear checks them and names the date at fault
// (`holidays[3]`), with codes such as INVALID_DATE, DATE_OUTSIDE_YEAR, HOLIDAY_AND_WORKDAY.
const Notice = Type.Object(
  {
    title: Type.String({ title: '通知标题', maxLength: 200 }),
    number: Type.String({ title: '发文字号', maxLength: 100 }),
    publishedOn: Type.Optional(Type.String({ title: '发布日期', maxLength: 10 })),
    signedOn: Type.Optional(Type.String({ title: '成文日期', maxLength: 10 })),
    note: Type.Optional(Type.String({ title: '说明', maxLength: 2000 })),
  },
  { additionalProperties: false, title: '国务院办公厅通知' },
);
const Dates = (title: string) => Type.Array(Type.String({ title, maxLength: 10 }), { title, maxItems: 366 });

export const CalendarYearBody = Type.Object(
  {
    year: Type.Integer({ title: '年份', description: `${YEAR_RANGE.min}至${YEAR_RANGE.max}` }),
    notice: Notice,
    amendments: Type.Optional(Type.Array(Notice, { title: '补充通知', maxItems: 20 })),
    holidays: Dates('放假日期'),
    workdays: Dates('调休上班日期'),
    replace: Type.Optional(Type.Boolean({ title: '是否替换已载入的年度', default: false })),
  },
  { additionalProperties: false },
);
