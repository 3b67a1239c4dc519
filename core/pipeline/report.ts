import { compareDates, daysBetween, formatTime, type PlainDate } from '../dates/calendar.js';
import { accountKey } from './account-name.js';
import {
  actionCounts,
  beyondHorizon,
  carriedOver,
  dayLabel,
  isClient,
  noNextStep,
  oneSided,
  openActions,
  overdueClientActions,
  singleThreaded,
  slipped,
  stalled,
  streak,
  type SignalContext,
} from './signals.js';
import type { AccountSummary, MeetingRecord, PipelineReport, Signal, Status } from './types.js';

/** Worst first. */
export const STATUS_ORDER: readonly Status[] = ['stalled', 'no-next-step', 'at-risk', 'on-track'];

export const STATUS_LABELS: Record<Status, string> = {
  stalled: 'stalled',
  'no-next-step': 'no next step',
  'at-risk': 'at risk',
  'on-track': 'on track',
};

/** The signals that put an account at risk (the others are shown, and change no status). */
const AT_RISK: readonly Signal['id'][] = ['overdue-client-action', 'beyond-horizon', 'single-threaded', 'slipped'];

/** A meeting's place on its timeline: by date (undated first), time, file, then order in the file. */
function byTime(a: MeetingRecord, b: MeetingRecord): number {
  if (!a.date || !b.date) return (a.date ? 1 : 0) - (b.date ? 1 : 0) || byFile(a, b);
  const minutes = (m: MeetingRecord) => (m.time ? m.time.hour * 60 + m.time.minute : -1);
  return compareDates(a.date, b.date) || minutes(a) - minutes(b) || byFile(a, b);
}

function byFile(a: MeetingRecord, b: MeetingRecord): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.index - b.index;
}

/** The pipeline view (docs/report.md): meetings grouped by account into timelines, each with a status and its signals. */
export function pipelineReport(records: readonly MeetingRecord[], context: SignalContext): PipelineReport {
  const groups = new Map<string, MeetingRecord[]>();
  for (const record of records) {
    const key = accountKey(record.account);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const accounts = [...groups.values()].map((meetings) => summarize(meetings.sort(byTime), context));
  accounts.sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (b.daysSinceLastMeeting ?? Infinity) - (a.daysSinceLastMeeting ?? Infinity) ||
      a.account.localeCompare(b.account),
  );
  return { today: context.today, horizonDays: context.horizonDays, accounts };
}

function summarize(meetings: MeetingRecord[], context: SignalContext): AccountSummary {
  const latest = meetings[meetings.length - 1];
  const next = latest.nextEvent;
  const signals = [
    noNextStep(latest),
    next && stalled(next, context),
    overdueClientActions(latest, context),
    next && beyondHorizon(next, context),
    singleThreaded(meetings),
    slipped(meetings, context),
    carriedOver(meetings),
    oneSided(meetings),
    streak(meetings, 'complianceOnly'),
    streak(meetings, 'vagueFollowUp'),
  ].filter((s): s is Signal => s !== undefined);
  const has = (id: Signal['id']) => signals.find((s) => s.id === id);
  const risk = signals.find((s) => AT_RISK.includes(s.id));
  const status: Status = !next ? 'no-next-step' : has('stalled') ? 'stalled' : risk ? 'at-risk' : 'on-track';
  const decisive = status === 'no-next-step' ? has('no-next-step') : status === 'stalled' ? has('stalled') : risk;
  const open = openActions(latest);
  const dated = meetings.filter((m) => m.date);
  const last = dated.at(-1);
  return {
    account: latest.account,
    status,
    reason: decisive?.message ?? onTrackReason(next!, context.today),
    meetings,
    ...(last ? { lastMeeting: last, daysSinceLastMeeting: daysBetween(last.date!, context.today) } : {}),
    ...(next ? { nextEvent: next } : {}),
    openClientActions: open.filter(isClient),
    openSellerActions: open.filter((a) => a.side === 'seller'),
    clientPeople: [...new Set(meetings.flatMap((m) => m.clientPeople))],
    actionCounts: actionCounts(meetings),
    signals,
  };
}

function onTrackReason(next: { date: PlainDate; time?: { hour: number; minute: number } }, today: PlainDate): string {
  const days = daysBetween(today, next.date);
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return `Next event ${dayLabel(next.date, today)}${next.time ? ` at ${formatTime(next.time)}` : ''}, ${when}.`;
}
