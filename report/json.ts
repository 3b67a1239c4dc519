/** The report as JSON (docs/report.md): days as "YYYY-MM-DD", times as "HH:MM". */
import type { PlainDate, TimeOfDay } from '../core/dates/calendar.js';
import type { PipelineReport } from '../core/pipeline/types.js';
import { isoDate, isoTime } from './words.js';

const isDate = (v: object): v is PlainDate => 'year' in v && 'month' in v && 'day' in v && Object.keys(v).length === 3;
const isTime = (v: object): v is TimeOfDay => 'hour' in v && 'minute' in v && Object.keys(v).length === 2;

export function reportJson(report: PipelineReport): string {
  const text = JSON.stringify(
    { version: 1, ...report },
    (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? isDate(value)
          ? isoDate(value)
          : isTime(value)
            ? isoTime(value)
            : value
        : value,
    2,
  );
  return `${text}\n`;
}
