import { compareDates, daysBetween, formatDay, type PlainDate } from '../dates/calendar.js';
import type { ActionRecord, EventRecord, MeetingRecord, Signal } from './types.js';

export interface SignalContext {
  today: PlainDate;
  horizonDays: number;
}

/** "Tue Dec 1", with the year when it is not today's. */
export function dayLabel(d: PlainDate, today: PlainDate): string {
  return d.year === today.year ? formatDay(d) : `${formatDay(d)}, ${d.year}`;
}

/** A client item: the buyer's, or both sides' (joint). */
export const isClient = (a: { side: string }) => a.side === 'buyer' || a.side === 'joint';

/** The latest meeting has no dated next event. */
export function noNextStep(latest: MeetingRecord): Signal | undefined {
  if (latest.nextEvent) return undefined;
  return {
    id: 'no-next-step',
    message: 'The latest meeting has no dated next event: agree on the next meeting with the client and write its day.',
    evidence: [latest.evidence],
  };
}

/** The agreed next event's day has passed, and no newer note exists. */
export function stalled(event: EventRecord, { today }: SignalContext): Signal | undefined {
  if (compareDates(event.date, today) >= 0) return undefined;
  return {
    id: 'stalled',
    message: `The next event (${dayLabel(event.date, today)}) has passed with no newer note: write up that meeting, or book a new one.`,
    evidence: [event.evidence],
  };
}

export function beyondHorizon(event: EventRecord, { today, horizonDays }: SignalContext): Signal | undefined {
  const days = daysBetween(today, event.date);
  if (days <= horizonDays) return undefined;
  return {
    id: 'beyond-horizon',
    message: `The next event is ${days} days away (${dayLabel(event.date, today)}), beyond ${horizonDays}: agree on a step before it.`,
    evidence: [event.evidence],
  };
}

/** The open client actions of the latest meeting (and those carried in its log). */
export function openActions(latest: MeetingRecord): ActionRecord[] {
  return [...latest.carried, ...latest.actions].filter((a) => !a.done);
}

export function overdueClientActions(latest: MeetingRecord, { today }: SignalContext): Signal | undefined {
  const overdue = openActions(latest).filter((a) => isClient(a) && a.due && compareDates(a.due, today) < 0);
  if (overdue.length === 0) return undefined;
  const first = overdue[0];
  const what =
    overdue.length === 1 ? `A client action was due ${dayLabel(first.due!, today)}` : `${overdue.length} client actions are past due`;
  return {
    id: 'overdue-client-action',
    message: `${what} and still open: ask where it stands, and agree on a new date.`,
    evidence: overdue.map((a) => a.evidence),
  };
}

/** Only one client person in the last three meetings (when any is known). */
export function singleThreaded(meetings: readonly MeetingRecord[]): Signal | undefined {
  const recent = meetings.slice(-3);
  const people = new Set(recent.flatMap((m) => m.clientPeople.map((p) => p.toLowerCase())));
  if (people.size !== 1) return undefined;
  const name = recent.flatMap((m) => m.clientPeople)[0];
  const span = recent.length === 1 ? 'the only meeting' : `the last ${recent.length} meetings`;
  return {
    id: 'single-threaded',
    message: `Only one client person (${name}) in ${span}: ask them to bring in another stakeholder.`,
    evidence: recent.map((m) => m.evidence),
  };
}

/**
 * The next meeting moved later from one meeting to the next: the latest meeting took place after the day
 * the one before it had agreed, or, held before that day, it agreed a later one.
 */
export function slipped(meetings: readonly MeetingRecord[], { today }: SignalContext): Signal | undefined {
  const [previous, latest] = meetings.slice(-2);
  const planned = previous?.nextEvent;
  if (!planned || !latest?.date || meetings.length < 2) return undefined;
  const late = compareDates(latest.date, planned.date) > 0;
  const moved =
    !late && latest.nextEvent && compareDates(latest.date, planned.date) < 0 && compareDates(latest.nextEvent.date, planned.date) > 0;
  if (!late && !moved) return undefined;
  const now = late ? latest.date : latest.nextEvent!.date;
  return {
    id: 'slipped',
    message: `The next meeting slipped from ${dayLabel(planned.date, today)} to ${dayLabel(now, today)}: confirm the new day with the client.`,
    evidence: [planned.evidence, late ? latest.evidence : latest.nextEvent!.evidence],
  };
}

/** Words that carry an item's meaning (five letters or more: not "they", "will", "send"), for telling the same promise written twice. */
function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{5,}/gu) ?? []).map((w) => w.replace(/s$/, '')));
}

function samePromise(a: string, b: string): boolean {
  const x = contentWords(a);
  const y = contentWords(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared >= 2 && shared / (x.size + y.size - shared) >= 0.6;
}

/**
 * Client promises carried over open: an open client item of an earlier meeting of the log, still open
 * at the latest; or the same promise written open again in a later meeting.
 */
export function carriedOver(meetings: readonly MeetingRecord[]): Signal | undefined {
  const latest = meetings.at(-1);
  if (!latest) return undefined;
  const pairs: { from: ActionRecord; to?: ActionRecord }[] = [];
  meetings.forEach((meeting, i) => {
    for (const from of meeting.actions.filter((a) => isClient(a) && !a.done)) {
      const to = meetings
        .slice(i + 1)
        .flatMap((m) => m.actions)
        .find((b) => !b.done && isClient(b) && samePromise(from.text, b.text));
      if (to) pairs.push({ from, to });
    }
  });
  const paired = new Set(pairs.map((p) => `${p.from.evidence.file}:${p.from.evidence.line}`));
  for (const from of latest.carried) {
    if (isClient(from) && !from.done && !paired.has(`${from.evidence.file}:${from.evidence.line}`)) pairs.push({ from });
  }
  if (pairs.length === 0) return undefined;
  const what = pairs.length === 1 ? 'A client promise is' : `${pairs.length} client promises are`;
  return {
    id: 'carried-over',
    message: `${what} carried over open from an earlier meeting: ask what stands in the way.`,
    evidence: pairs.flatMap((p) => (p.to ? [p.from.evidence, p.to.evidence] : [p.from.evidence])),
  };
}

export function actionCounts(meetings: readonly MeetingRecord[]): { client: number; seller: number } {
  const all = meetings.flatMap((m) => m.actions);
  return { client: all.filter(isClient).length, seller: all.filter((a) => a.side === 'seller').length };
}

/** Over the timeline, the client holds fewer than one in four of the action items (of four or more). */
export function oneSided(meetings: readonly MeetingRecord[]): Signal | undefined {
  const { client, seller } = actionCounts(meetings);
  if (client + seller < 4 || client * 4 >= client + seller) return undefined;
  const sellers = meetings.flatMap((m) => m.actions).filter((a) => a.side === 'seller');
  return {
    id: 'one-sided',
    message: `The client holds ${client} of ${client + seller} action items across ${meetings.length === 1 ? 'the meeting' : `${meetings.length} meetings`}: ask for their steps.`,
    evidence: sellers.slice(0, 5).map((a) => a.evidence),
  };
}

/** Two or more latest meetings in a row with only compliance from the client, or with a vague follow-up. */
export function streak(meetings: readonly MeetingRecord[], kind: 'complianceOnly' | 'vagueFollowUp'): Signal | undefined {
  const run: MeetingRecord[] = [];
  for (let i = meetings.length - 1; i >= 0 && meetings[i][kind]; i--) run.unshift(meetings[i]);
  if (run.length < 2) return undefined;
  return kind === 'complianceOnly'
    ? {
        id: 'compliance-streak',
        message: `The client's only actions were compliance in the last ${run.length} meetings: ask for a step that takes their effort.`,
        evidence: run.map((m) => m.complianceOnly!),
      }
    : {
        id: 'vague-streak',
        message: `The last ${run.length} meetings ended on a vague follow-up: name the day before the call ends.`,
        evidence: run.map((m) => m.vagueFollowUp!),
      };
}
