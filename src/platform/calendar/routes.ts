import type { FastifyError, FastifyRequest } from 'fastify';
import { toAppError } from '../http/server.ts';
import { type App, type AppDeps, ctxOf } from '../http/types.ts';
import {
  CalendarDeadlineAnswer,
  CalendarYearList,
  DeadlineAnswer,
  LoadedYearAnswer,
  WorkingDaysBetweenAnswer,
} from './contract.ts';
import * as S from './schemas.ts';
import * as calendar from './service.ts';

const PUBLIC = { access: { public: true } } as const;
const SYSTEM_ADMINS = { access: { roles: ['system_admin'] } } as const;

/**
 * The query was validated with `attachValidation`: the service's own checks run first on the raw values
 * (precise codes: INVALID_DATE, INVALID_DAYS); any other schema error (unknown parameter) comes after.
 */
function schemaErrorOf(req: FastifyRequest): void {
  if (req.validationError) throw toAppError(req.validationError as FastifyError);
}

export function calendarRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  const tags = ['工作日历'];

  app.get(
    '/api/public/calendar/add-working-days',
    {
      config: PUBLIC,
      attachValidation: true,
      schema: {
        tags,
        summary: '期限计算：起算日期后第 N 个工作日（当日不计入）',
        description: '涉及尚未载入放假安排通知的年份时按周末计算，并返回 provisional: true。',
        querystring: S.AddDaysQuery,
        response: { 200: DeadlineAnswer },
      },
    },
    async (req) => {
      const q = req.query as Record<string, unknown>;
      const d = await calendar.addWorkingDays(db, q.from, q.days);
      schemaErrorOf(req);
      return { from: d.from, days: d.days, date: d.date, provisional: d.provisional };
    },
  );
  app.get(
    '/api/public/calendar/add-calendar-days',
    {
      config: PUBLIC,
      attachValidation: true,
      schema: {
        tags,
        summary: '期限计算：起算日期后第 N 日（自然日，当日不计入；届满日为休息日的顺延至其后第一个工作日）',
        description:
          'date：期间届满日（第 N 日为周末或法定节假日的，顺延至其后第一个工作日，适用于当事人的期间）；unadjusted：未顺延的第 N 日（行政机关自身的自然日期限按此计算）。顺延时涉及尚未载入放假安排的年份的，provisional: true。',
        querystring: S.AddDaysQuery,
        response: { 200: CalendarDeadlineAnswer },
      },
    },
    async (req) => {
      const q = req.query as Record<string, unknown>;
      const d = await calendar.addCalendarDays(db, q.from, q.days);
      schemaErrorOf(req);
      return {
        from: d.from,
        days: d.days,
        date: d.date,
        unadjusted: d.unadjusted,
        provisional: d.provisional,
      };
    },
  );
  app.get(
    '/api/public/calendar/working-days-between',
    {
      config: PUBLIC,
      attachValidation: true,
      schema: {
        tags,
        summary: '两个日期之间的工作日数（不含起始日，含截止日）',
        querystring: S.BetweenQuery,
        response: { 200: WorkingDaysBetweenAnswer },
      },
    },
    async (req) => {
      const q = req.query as Record<string, unknown>;
      const r = await calendar.workingDaysBetween(db, q.from, q.to);
      schemaErrorOf(req);
      return r;
    },
  );
  app.get(
    '/api/public/calendar/years',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '已载入的年度放假安排及其依据的国务院办公厅通知',
        response: { 200: CalendarYearList },
      },
    },
    async () => ({ items: await calendar.listYears(db) }),
  );
  app.post(
    '/api/calendar/years',
    {
      config: SYSTEM_ADMINS,
      schema: {
        tags,
        summary: '载入一个年度的放假安排（系统管理员；已载入的年度须 replace: true 才能替换）',
        body: S.CalendarYearBody,
        response: { 201: LoadedYearAnswer },
      },
    },
    async (req, reply) => reply.status(201).send(await calendar.loadYear(db, ctxOf(req), req.body)),
  );
}
