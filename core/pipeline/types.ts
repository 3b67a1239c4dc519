import type { PlainDate, TimeOfDay } from '../dates/calendar.js';
import type { Side } from '../model/types.js';

/** Where a status or signal was decided: a file (as given) and a 1-based line. */
export interface Evidence {
  file: string;
  line: number;
  /** The line's words, trimmed: what a manager reads beside the link. */
  text: string;
}

export interface Attendee {
  name: string;
  email?: string;
  side: 'seller' | 'buyer' | 'unknown';
}

export interface ActionRecord {
  text: string;
  owners: string[];
  side: Side;
  done: boolean;
  due?: PlainDate;
  evidence: Evidence;
}

export interface EventRecord {
  date: PlainDate;
  time?: TimeOfDay;
  /** The end of a written range of times ("between 9:30 and 11:00"). */
  endTime?: TimeOfDay;
  /** IANA zone the time is in (the meeting's). */
  timezone: string;
  /** The event's words as written: its agenda. */
  text: string;
  /** Its stated owners; none for a joint event (both sides). */
  owners: string[];
  side: Side;
  evidence: Evidence;
}

/** One meeting: a note, or one dated section of a running log. */
export interface MeetingRecord {
  account: string;
  file: string;
  /** The note's path below the folder reported on: the same from any working folder (calendar UIDs). */
  noteId: string;
  /** Index of the meeting in its note (0 for a note that is not a log). */
  index: number;
  date?: PlainDate;
  time?: TimeOfDay;
  timezone: string;
  title: string;
  evidence: Evidence;
  clientPeople: string[];
  /** The note's rosters, both sides: who a calendar invitation goes to. */
  attendees: Attendee[];
  actions: ActionRecord[];
  /** Open items of earlier meetings of the same log, still open at this one (the latest). */
  carried: ActionRecord[];
  nextEvent?: EventRecord;
  /** Where the rules found the client's only actions to be compliance, and a vague follow-up. */
  complianceOnly?: Evidence;
  vagueFollowUp?: Evidence;
}

export type Status = 'stalled' | 'no-next-step' | 'at-risk' | 'on-track';

export type SignalId =
  | 'stalled'
  | 'no-next-step'
  | 'overdue-client-action'
  | 'beyond-horizon'
  | 'single-threaded'
  | 'slipped'
  | 'carried-over'
  | 'one-sided'
  | 'compliance-streak'
  | 'vague-streak';

export interface Signal {
  id: SignalId;
  /** For a seller or a manager: what is wrong, briefly. */
  message: string;
  evidence: Evidence[];
}

export interface AccountSummary {
  account: string;
  status: Status;
  /** Why, in one line (the status signal's message, or what keeps it on track). */
  reason: string;
  meetings: MeetingRecord[];
  lastMeeting?: MeetingRecord;
  daysSinceLastMeeting?: number;
  nextEvent?: EventRecord;
  openClientActions: ActionRecord[];
  openSellerActions: ActionRecord[];
  clientPeople: string[];
  /** Client (buyer or joint) and seller action items over the whole timeline. */
  actionCounts: { client: number; seller: number };
  signals: Signal[];
}

export interface PipelineReport {
  today: PlainDate;
  horizonDays: number;
  /** Worst first: stalled, no next step, at risk, on track; then the longest since the last meeting. */
  accounts: AccountSummary[];
}
