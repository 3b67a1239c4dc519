import type { PlainDate, TimeOfDay } from '../dates/calendar.js';
import type { DateMention } from '../dates/types.js';
import type { FrontMatter } from '../parse/front-matter.js';

export type Side = 'seller' | 'buyer' | 'joint' | 'unknown';

export interface Person {
  name: string;
  handles: string[];
  side: 'seller' | 'buyer' | 'unknown';
}

export interface Owner {
  /** As written: "Mary", "@mary", "We", "Acme". */
  text: string;
  side: Side;
  person?: Person;
}

/**
 * What a clause does (docs/design.md, "Clauses"):
 * commitment — someone will do something ("Jim to check the budget", "we'll circle back");
 * proposal — someone proposes or asks for a next step ("let's touch base", "we can follow up",
 *   "can I follow up in a few weeks?", "she said to give her a call");
 * request — the reader is asked to do something ("please send the logs");
 * question, past (narration), condition ("if they like it"), negation ("no need to follow up"),
 * invitation (generic invitations and pointers: "feel free to reach out", "reach out to Kim for access"),
 * statement (anything else).
 */
export type ClauseKind =
  | 'commitment'
  | 'proposal'
  | 'request'
  | 'question'
  | 'past'
  | 'condition'
  | 'negation'
  | 'invitation'
  | 'statement';

/** A phrase of a clause: offsets into the note's text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A follow-up phrase in a clause: non-committal on its own ("circle back"), or a follow-up verb or meeting that needs a day ("call", "demo"). */
export interface FollowUpPhrase extends Span {
  nonCommittal: boolean;
}

export interface Clause {
  start: number;
  end: number;
  /** Blanked prose of the clause (same length as its range). */
  text: string;
  kind: ClauseKind;
  /**
   * Voiced as a possibility: a proposal ("we can follow up", "we could check in"), not "let's" or a
   * question; or, on a statement, an option raised ("maybe ODI can reach out"), no one's step.
   */
  musing: boolean;
  /** Governed by a condition before it ("If we can't today, we can follow up next week"). */
  conditional: boolean;
  /** Who the clause is about: its subject, or the speaker of a transcript line for "I" and "we". */
  subject?: { owners: Owner[]; side: Side; start: number; end: number };
  /** Where its main verb stands ("follow" in "we'll follow up"): what comes before is the commitment's head. */
  verbAt: number;
  /** The dates of this clause only. */
  dates: DateMention[];
  followUps: FollowUpPhrase[];
  /** Its time is the meeting's own day without a date being written: "I'll ping Sarven after the call". */
  sameDay: boolean;
  /** A hedge of the clause's own commitment ("should be able to send", "hopefully bring"); `firm` when it can only hedge a commitment ("try to", "hopefully"), not muse ("maybe", "probably"). */
  hedge?: Span & { firm: boolean };
}

/** A unit of prose: a sentence, a heading, an action item's text. Offsets are into the note's text. */
export interface Sentence {
  start: number;
  end: number;
  /** Source text of the range with Markdown syntax, code, HTML and link targets blanked to spaces (same length). */
  text: string;
  /** Dates found in it, with offsets into the note's text, resolved against its meeting's date. */
  dates: DateMention[];
  heading: boolean;
  item?: ActionItem;
  clauses: Clause[];
  /** Index into `Note.meetings`. */
  meeting: number;
  /** The speaker of a transcript or chat line ("Lina Haddad: …", "**Tom:** …"). */
  speaker?: Owner;
  /** Spoken rather than written: it opens with "So", "Okay", "Yeah"…, or is full of "um", "you know", "kind of". */
  talk: boolean;
}

export interface ActionItem {
  /** Range of the item's own text (after the list bullet, task box or marker). */
  start: number;
  end: number;
  text: string;
  done: boolean;
  /** prose: a commitment written as a sentence ("Jim to check the budget with the CFO tomorrow"). */
  source: 'task' | 'list' | 'marker' | 'table' | 'prose';
  owners: Owner[];
  side: Side;
  /** Every date of the item (for a table row, its due cell's too). */
  dates: DateMention[];
  /** The dates that say when the item is due: not those it only talks about ("last quarter's numbers"). */
  dueDates: DateMention[];
  isEvent: boolean;
  /** The item's sentences; empty for a prose commitment, which is one clause of a prose sentence. */
  sentences: Sentence[];
  /** The clauses that make the item: its sentences' clauses, or a prose commitment's clause. */
  clauses: Clause[];
  /** Index into `Note.meetings`. */
  meeting: number;
}

export interface MeetingEvent {
  start: number;
  end: number;
  text: string;
  source: 'item' | 'prose' | 'front-matter';
  item?: ActionItem;
  owners: Owner[];
  side: Side;
  dates: DateMention[];
  /** The event's day: its concrete date nearest the meeting word, if any. */
  when?: DateMention;
  /** Open, concretely dated, and on or after its meeting's date (any concrete date counts when the note has none). */
  upcoming: boolean;
  /** Index into `Note.meetings`. */
  meeting: number;
}

export interface Heading {
  depth: number;
  text: string;
  start: number;
  end: number;
  nextSteps: boolean;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty = every rule. */
  rules: string[];
  start: number;
  end: number;
}

export interface MeetingInfo {
  date?: PlainDate;
  time?: TimeOfDay;
  /** heading: the dated heading of a log section. */
  source: 'front-matter' | 'label' | 'title' | 'heading' | 'file-name' | 'none';
  /** Where the date was written, when it was written in the note. */
  start?: number;
  end?: number;
  timezone: string;
}

/**
 * One meeting the note records: the whole note, or one dated section of a running log (a file
 * with two or more headings that carry a full date). Text before the first dated section belongs
 * to the latest meeting.
 */
export interface Meeting {
  index: number;
  /** The section's range (the whole note when it is not a log). */
  start: number;
  end: number;
  /** The dated heading that opens a log section. */
  heading?: Heading;
  info: MeetingInfo;
  /** Judged by the rules: the latest meeting, or every one with config `logs: "all"`. */
  judged: boolean;
  /** Its prose is mostly talk: a pasted transcript, where "we could…" and "maybe…" are someone thinking aloud. */
  transcript: boolean;
  latest: boolean;
  sentences: Sentence[];
  actionItems: ActionItem[];
  events: MeetingEvent[];
  /** The earliest event dated on or after this meeting's date. */
  nextEvent?: MeetingEvent;
  /** Its first next-steps heading, where templates are inserted. */
  nextStepsHeading?: Heading;
}

/** A problem found while building the model that a rule reports (broken YAML, unknown time zone). */
export interface ModelProblem {
  kind: 'front-matter' | 'timezone';
  message: string;
  start: number;
  end: number;
}

export interface Note {
  text: string;
  path?: string;
  frontMatter?: FrontMatter;
  type?: string;
  isCustomerMeeting: boolean;
  /** Rules turned off for the whole note by front matter `notelint:` ("all" when `off`). */
  disabledRules: string[] | 'all';
  /** The latest meeting's date: what "Friday" means in it. */
  meeting: MeetingInfo;
  account?: string;
  roster: { seller: Person[]; buyer: Person[]; attendees: Person[] };
  title?: Heading;
  headings: Heading[];
  /** The latest meeting's first next-steps heading or label, where templates are inserted. */
  nextStepsHeading?: Heading;
  /** Every sentence, action item and event of the note, in every meeting. */
  sentences: Sentence[];
  actionItems: ActionItem[];
  events: MeetingEvent[];
  /** The latest meeting's next event. */
  nextEvent?: MeetingEvent;
  /** In document order; one for a note that is not a log. */
  meetings: Meeting[];
  /** The meetings the rules judge. */
  judged: Meeting[];
  /** Open action items of earlier meetings of a log: still open at the latest meeting. */
  carriedItems: ActionItem[];
  isLog: boolean;
  directives: Directive[];
  problems: ModelProblem[];
  /** Where lists or quotes first nest deeper than the parser is asked to read (core/parse/nesting.ts); the rest was read as text. */
  deepNesting?: { start: number; end: number };
  /** The first paragraph with more emphasis and link markers than the parser is asked to read (core/parse/inline-density.ts); it was read as text. */
  denseMarkup?: { start: number; end: number };
  /** Line starts, for offset → line/column. */
  lineStarts: number[];
}
