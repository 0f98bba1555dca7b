import { date, timestamp } from 'drizzle-orm/pg-core';

// Column helpers pinned so both drivers return the same JS types (STACK.md: results differ by driver
// unless the mode is declared). Calendar dates stay 'YYYY-MM-DD' strings: deadlines are computed on
// strings in Asia/Shanghai, never on Date objects in the process time zone.
export const day = (name: string) => date(name, { mode: 'string' });
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => instant('created_at').notNull().defaultNow();
