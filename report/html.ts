/**
 * The report as one self-contained HTML page: styles inline, the chart as inline SVG, no script, and a
 * Content-Security-Policy that lets the page load nothing, so it reads the same offline and asks no server.
 * All note text is escaped.
 */
import { STATUS_LABELS } from '../core/pipeline/report.js';
import type { PipelineReport, Status } from '../core/pipeline/types.js';
import { escapeHtml as h } from './escape-html.js';
import { timelineChart } from './timeline-chart.js';
import { actionLine, dayLabel, eventWhen, eventWho, longDay, oneLine, where } from './words.js';

const STATUS_COLOURS: Record<Status, string> = {
  stalled: '#b91c1c',
  'no-next-step': '#b91c1c',
  'at-risk': '#b45309',
  'on-track': '#15803d',
};

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;color:#111827;margin:2rem auto;max-width:1000px;padding:0 1rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{background:#f9fafb}td.num{text-align:right}.status{font-weight:600}code{font-size:12px;color:#4b5563}
section{border-top:1px solid #e5e7eb;margin-top:1rem}ul{padding-left:1.2rem}`;

export function reportHtml(report: PipelineReport): string {
  const { today } = report;
  const rows = report.accounts
    .map(
      (a) => `<tr data-account="${h(a.account)}" data-status="${a.status}">
<td>${h(a.account)}</td><td class="status" style="color:${STATUS_COLOURS[a.status]}">${STATUS_LABELS[a.status]}</td>
<td>${a.lastMeeting?.date ? dayLabel(a.lastMeeting.date, today) : '—'}</td><td class="num">${a.daysSinceLastMeeting ?? '—'}</td>
<td>${a.nextEvent ? `${h(eventWhen(a.nextEvent, today))} <small>(${h(eventWho(a.nextEvent))})</small>` : '—'}</td>
<td class="num">${a.openClientActions.length}</td><td class="num">${a.openSellerActions.length}</td><td class="num">${a.clientPeople.length}</td>
<td>${h(a.reason)}</td></tr>`,
    )
    .join('\n');
  const sections = report.accounts
    .map((a) => {
      const items = [
        ...a.openClientActions.map((x) => `<li>Client: ${h(actionLine(x, today))} <code>${h(where(x.evidence))}</code></li>`),
        ...a.openSellerActions.map((x) => `<li>Seller: ${h(actionLine(x, today))} <code>${h(where(x.evidence))}</code></li>`),
        ...a.signals.map(
          (s) =>
            `<li class="signal" data-signal="${s.id}">${h(s.message)}<ul>${s.evidence.map((e) => `<li><code>${h(where(e))}</code> ${h(oneLine(e.text, 90))}</li>`).join('')}</ul></li>`,
        ),
      ];
      return `<section data-account="${h(a.account)}"><h3>${h(a.account)}: <span style="color:${STATUS_COLOURS[a.status]}">${STATUS_LABELS[a.status]}</span></h3><ul>${items.join('\n')}</ul></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pipeline on ${h(longDay(today))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Pipeline on ${h(longDay(today))}</h1>
<p>${report.accounts.length} account${report.accounts.length === 1 ? '' : 's'}, worst first. Next events within ${report.horizonDays} days are on track.</p>
${timelineChart(report)}
<table class="accounts">
<thead><tr><th>Account</th><th>Status</th><th>Last meeting</th><th>Days</th><th>Next event</th><th>Client actions</th><th>Seller actions</th><th>Client people</th><th>Why</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${sections}
<footer><p><small>Written by notelint report. Meetings are circles, next events diamonds (red once passed); the dashed line is today.</small></p></footer>
</body>
</html>
`;
}
