import type { FastifyServerOptions } from 'fastify';
import pretty from 'pino-pretty';

export type LogFormat = 'pretty' | 'json';

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** What a request line carries for machines (JSON); the pretty line has it in its message. */
export const REQUEST_FIELDS = ['method', 'url', 'statusCode', 'ms'] as const;

/**
 * `LOG_FORMAT`: `pretty` (one readable line per event) or `json` (one JSON object per line, for a log
 * collector). Unset: pretty on a terminal — a county office runs the server in a window someone reads —
 * and JSON when the output goes to a file, a pipe or a service manager.
 */
export function logFormatOf(value: string | undefined, isTty: boolean): LogFormat {
  if (value === undefined || value === '') return isTty ? 'pretty' : 'json';
  if (value === 'pretty' || value === 'json') return value;
  throw new Error(`环境变量 LOG_FORMAT 应为 pretty 或 json，实际为「${value}」`);
}

/** Fastify's logger for a level and format; `false` when silent. */
export function loggerOptions(level: string, format: LogFormat): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  if (format === 'json') return { level };
  return { level, stream: prettyStream() } as FastifyServerOptions['logger'];
}

/**
 * One line per event: Beijing time, level, message (and an error's details). Synchronous on the main
 * thread (no worker transport): lines appear in order and none is lost when the process exits.
 */
export function prettyStream(destination?: NodeJS.WritableStream) {
  return pretty({
    colorize: destination === undefined && process.stdout.isTTY === true,
    singleLine: true,
    // Beijing time, whatever the machine's time zone.
    translateTime: false,
    customPrettifiers: { time: (t) => SHANGHAI.format(new Date(Number(t))) },
    // A request line says it all in its message; the fields stay in the JSON format.
    ignore: `pid,hostname,reqId,${REQUEST_FIELDS.join(',')}`,
    sync: true,
    ...(destination ? { destination } : {}),
  });
}
