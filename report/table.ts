/** The terminal report: one row per account, worst first, then each account's reason and signals with their evidence. */
import pc from 'picocolors';
import { STATUS_LABELS } from '../core/pipeline/report.js';
import type { PipelineReport, Status } from '../core/pipeline/types.js';
import { visible } from '../cli/formatters/terminal-text.js';
import { actionLine, dayLabel, eventWhen, longDay, oneLine, where } from './words.js';

export function reportTable(report: PipelineReport, color: boolean): string {
  const c = pc.createColors(color);
  const paint: Record<Status, (s: string) => string> = { stalled: c.red, 'no-next-step': c.red, 'at-risk': c.yellow, 'on-track': c.green };
  const { today } = report;
  const header = ['Account', 'Status', 'Last meeting', 'Days', 'Next event', 'Client', 'Seller', 'People'];
  const rows = report.accounts.map((a) => [
    visible(oneLine(a.account, 32)),
    STATUS_LABELS[a.status],
    a.lastMeeting?.date ? dayLabel(a.lastMeeting.date, today) : '—',
    a.daysSinceLastMeeting !== undefined ? String(a.daysSinceLastMeeting) : '—',
    a.nextEvent ? eventWhen(a.nextEvent, today) : '—',
    `${a.openClientActions.length} open`,
    `${a.openSellerActions.length} open`,
    String(a.clientPeople.length),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[], style?: (cell: string, i: number) => string) =>
    cells
      .map((cell, i) => (style ? style(cell.padEnd(widths[i]), i) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  let out = `Pipeline on ${longDay(today)} (next events within ${report.horizonDays} days are on track)\n\n`;
  if (report.accounts.length === 0) return `${out}No meeting notes found.\n`;
  out += `${c.bold(line(header))}\n`;
  report.accounts.forEach((a, k) => {
    out += `${line(rows[k], (cell, i) => (i === 1 ? paint[a.status](cell) : cell))}\n`;
  });
  for (const a of report.accounts) {
    // The reason of a status other than "on track" is its first signal's message, shown with its evidence below.
    out += `\n${c.bold(visible(a.account))} — ${paint[a.status](STATUS_LABELS[a.status])}${a.status === 'on-track' ? `: ${visible(a.reason)}` : ''}\n`;
    for (const action of a.openClientActions)
      out += `  client: ${visible(actionLine(action, today))}  ${c.dim(visible(where(action.evidence)))}\n`;
    for (const action of a.openSellerActions)
      out += `  seller: ${visible(actionLine(action, today))}  ${c.dim(visible(where(action.evidence)))}\n`;
    for (const signal of a.signals) {
      out += `  ${c.yellow('•')} ${visible(signal.message)}\n`;
      for (const e of signal.evidence) out += `      ${c.dim(visible(where(e)))}  ${visible(oneLine(e.text, 70))}\n`;
    }
  }
  return out;
}
