// What the calendar routes answer.
import Type, { type Static } from 'typebox';

const Day = (description: string) => Type.String({ description: `${description}（YYYY-MM-DD）` });

/** `GET /api/public/calendar/add-working-days`. */
export const DeadlineAnswer = Type.Object({
  from: Day('起算日期'),
  days: Type.Integer({ description: '期限天数' }),
  date: Day('期限届满日'),
  provisional: Type.Boolean({ description: '涉及尚未载入放假安排的年份，按周末计算' }),
});
export type DeadlineAnswer = Static<typeof DeadlineAnswer>;

/**
 * `GET /api/public/calendar/add-calendar-days` (a contract other parts rely on, issue 10): `date` is the
 * period's last day after moving a rest day to the next working day, `unadjusted` the plain N-th day.
 */
export const CalendarDeadlineAnswer = Type.Object({
  from: Day('起算日期'),
  days: Type.Integer({ description: '期限天数' }),
  date: Day('期间届满日：第 N 日为周末或法定节假日的，顺延至其后第一个工作日'),
  unadjusted: Day('未顺延的第 N 日'),
  provisional: Type.Boolean({ description: '顺延时涉及尚未载入放假安排的年份，按周末计算' }),
});
export type CalendarDeadlineAnswer = Static<typeof CalendarDeadlineAnswer>;

/** `GET /api/public/calendar/working-days-between`. */
export const WorkingDaysBetweenAnswer = Type.Object({
  from: Day('起始日期'),
  to: Day('截止日期'),
  count: Type.Integer({ description: '工作日数（不含起始日，含截止日）' }),
  provisional: Type.Boolean({ description: '涉及尚未载入放假安排的年份，按周末计算' }),
});
export type WorkingDaysBetweenAnswer = Static<typeof WorkingDaysBetweenAnswer>;

const NoticeAnswer = Type.Object({
  title: Type.String({ description: '通知标题' }),
  number: Type.String({ description: '发文字号' }),
  publishedOn: Type.Optional(Type.String({ description: '发布日期' })),
  signedOn: Type.Optional(Type.String({ description: '成文日期（与发布日期不同时）' })),
  note: Type.Optional(Type.String({ description: '说明' })),
});

const yearFields = {
  year: Type.Integer(),
  notice: NoticeAnswer,
  amendments: Type.Array(NoticeAnswer, { description: '补充通知' }),
  holidays: Type.Array(Type.String(), { description: '放假日期' }),
  workdays: Type.Array(Type.String(), { description: '调休上班日期' }),
};

export const CalendarYearAnswer = Type.Object(yearFields);
export type CalendarYearAnswer = Static<typeof CalendarYearAnswer>;

/** `GET /api/public/calendar/years`. */
export const CalendarYearList = Type.Object({ items: Type.Array(CalendarYearAnswer) });
export type CalendarYearList = Static<typeof CalendarYearList>;

/** `POST /api/calendar/years`. */
export const LoadedYearAnswer = Type.Object({
  ...yearFields,
  loadedAt: Type.String({ description: 'ISO 8601' }),
  loadedBy: Type.String({ description: '载入人账号' }),
  replaced: Type.Boolean({ description: '是否替换了已载入的年度' }),
});
export type LoadedYearAnswer = Static<typeof LoadedYearAnswer>;
