/** The report as Markdown, to paste into a chat or an email: the table, then each account's reason and signals. */
import { STATUS_LABELS } from '../core/pipeline/report.js';
import type { PipelineReport } from '../core/pipeline/types.js';
import { actionLine, dayLabel, eventWhen, longDay, oneLine, where } from './words.js';

/** Text from notes, inert in Markdown: no table break, no markup, no HTML. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function reportMarkdown(report: PipelineReport): string {
  const { today } = report;
  const lines = [`## Pipeline on ${longDay(today)}`, '', `Next events within ${report.horizonDays} days are on track.`, ''];
  if (report.accounts.length === 0) return `${[...lines, 'No meeting notes found.'].join('\n')}\n`;
  lines.push('| Account | Status | Last meeting | Days | Next event | Open client actions | Open seller actions | Client people |');
  lines.push('|---|---|---|--:|---|--:|--:|--:|');
  for (const a of report.accounts) {
    lines.push(
      `| ${md(oneLine(a.account, 40))} | **${STATUS_LABELS[a.status]}** | ${a.lastMeeting?.date ? dayLabel(a.lastMeeting.date, today) : '—'} | ${a.daysSinceLastMeeting ?? '—'} | ${a.nextEvent ? eventWhen(a.nextEvent, today) : '—'} | ${a.openClientActions.length} | ${a.openSellerActions.length} | ${a.clientPeople.length} |`,
    );
  }
  for (const a of report.accounts) {
    lines.push('', `### ${md(a.account)}: ${STATUS_LABELS[a.status]}`, '', md(a.reason), '');
    for (const action of a.openClientActions) lines.push(`- Client: ${md(actionLine(action, today))} (${code(where(action.evidence))})`);
    for (const action of a.openSellerActions) lines.push(`- Seller: ${md(actionLine(action, today))} (${code(where(action.evidence))})`);
    for (const signal of a.signals) {
      lines.push(`- ${md(signal.message)} ${signal.evidence.map((e) => code(where(e))).join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
