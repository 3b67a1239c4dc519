/**
 * The timeline chart of the HTML report, as SVG written here (a few marks need no charting library):
 * one row per account, a circle per meeting, a diamond per next event, and a line for today.
 * Each mark has a class, data attributes and a <title>, so a reader (and a test) can tell what it is.
 */
import { addDays, compareDates, daysBetween, toIsoDate, type PlainDate } from '../core/dates/calendar.js';
import type { PipelineReport } from '../core/pipeline/types.js';
import { escapeHtml } from './escape-html.js';
import { eventWhen, longDay, oneLine } from './words.js';

const ROW = 28;
const LEFT = 180;
const WIDTH = 900;
const TOP = 30;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function timelineChart(report: PipelineReport): string {
  const { today } = report;
  const days = [
    today,
    ...report.accounts.flatMap((a) => [...a.meetings.flatMap((m) => (m.date ? [m.date] : [])), ...(a.nextEvent ? [a.nextEvent.date] : [])]),
  ];
  const first = addDays(
    days.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b)),
    -7,
  );
  const last = addDays(
    days.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b)),
    7,
  );
  const span = Math.max(1, daysBetween(first, last));
  const x = (d: PlainDate) => (LEFT + (daysBetween(first, d) / span) * (WIDTH - LEFT - 20)).toFixed(1);
  const height = TOP + report.accounts.length * ROW + 20;
  const attr = escapeHtml;
  const marks: string[] = [];
  monthTicks(first, last).forEach((tick, i) => {
    marks.push(`<line class="tick" x1="${x(tick)}" x2="${x(tick)}" y1="${TOP - 6}" y2="${height - 14}" stroke="#e5e7eb"/>`);
    marks.push(
      `<text class="tick-label" x="${x(tick)}" y="${TOP - 10}" font-size="10" fill="#6b7280">${MONTHS[tick.month - 1]}${tick.month === 1 || i === 0 ? ` ${tick.year}` : ''}</text>`,
    );
  });
  report.accounts.forEach((account, row) => {
    const y = TOP + row * ROW + ROW / 2;
    marks.push(
      `<text class="account-label" x="${LEFT - 10}" y="${y + 4}" text-anchor="end" font-size="12">${escapeHtml(oneLine(account.account, 26))}</text>`,
    );
    marks.push(`<line class="row" x1="${LEFT}" x2="${WIDTH - 20}" y1="${y}" y2="${y}" stroke="#f3f4f6"/>`);
    for (const meeting of account.meetings) {
      if (!meeting.date) continue;
      const label = `${account.account}: meeting ${longDay(meeting.date)} — ${oneLine(meeting.title, 60)}`;
      marks.push(
        `<circle class="meeting" data-account="${attr(account.account)}" data-date="${toIsoDate(meeting.date)}" cx="${x(meeting.date)}" cy="${y}" r="5" fill="#2563eb"><title>${escapeHtml(label)}</title></circle>`,
      );
    }
    const next = account.nextEvent;
    if (next) {
      const cx = Number(x(next.date));
      const label = `${account.account}: next event ${eventWhen(next, today)} — ${oneLine(next.text, 60)}`;
      const fill = compareDates(next.date, today) < 0 ? '#dc2626' : '#16a34a';
      marks.push(
        `<path class="next-event" data-account="${attr(account.account)}" data-date="${toIsoDate(next.date)}" d="M${cx} ${y - 7}L${cx + 7} ${y}L${cx} ${y + 7}L${cx - 7} ${y}Z" fill="${fill}"><title>${escapeHtml(label)}</title></path>`,
      );
    }
  });
  marks.push(
    `<line class="today" data-date="${toIsoDate(today)}" x1="${x(today)}" x2="${x(today)}" y1="${TOP - 6}" y2="${height - 14}" stroke="#111827" stroke-dasharray="4 3"><title>Today, ${escapeHtml(longDay(today))}</title></line>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" aria-label="Meetings and next events per account" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="system-ui, sans-serif">${marks.join('')}</svg>`;
}

/** The first day of each month in the range (every few months when the range is long). */
function monthTicks(first: PlainDate, last: PlainDate): PlainDate[] {
  const months = (last.year - first.year) * 12 + last.month - first.month;
  const step = Math.max(1, Math.ceil(months / 12));
  const ticks: PlainDate[] = [];
  for (let i = 1; i <= months; i += step) {
    const m = first.month - 1 + i;
    ticks.push({ year: first.year + Math.floor(m / 12), month: (m % 12) + 1, day: 1 });
  }
  return ticks;
}
