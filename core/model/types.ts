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

/** A unit of prose: a sentence, a heading, an action item's text. Offsets are into the note's text. */
export interface Sentence {
  start: number;
  end: number;
  /** Source text of the range with Markdown syntax, code, HTML and link targets blanked to spaces (same length). */
  text: string;
  /** Dates found in it, with offsets into the note's text. */
  dates: DateMention[];
  heading: boolean;
  item?: ActionItem;
}

export interface ActionItem {
  /** Range of the item's own text (after the list bullet, task box or marker). */
  start: number;
  end: number;
  text: string;
  done: boolean;
  source: 'task' | 'list' | 'marker' | 'table';
  owners: Owner[];
  side: Side;
  dates: DateMention[];
  isEvent: boolean;
  sentences: Sentence[];
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
  /** Open, concretely dated, and on or after the meeting date (any concrete date counts when the note has none). */
  upcoming: boolean;
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
  source: 'front-matter' | 'label' | 'title' | 'file-name' | 'none';
  /** Where the date was written, when it was written in the note. */
  start?: number;
  end?: number;
  timezone: string;
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
  meeting: MeetingInfo;
  account?: string;
  roster: { seller: Person[]; buyer: Person[]; attendees: Person[] };
  title?: Heading;
  headings: Heading[];
  /** The first next-steps heading or label, where templates are inserted. */
  nextStepsHeading?: Heading;
  sentences: Sentence[];
  actionItems: ActionItem[];
  events: MeetingEvent[];
  /** The earliest event dated on or after the meeting date (or any concretely dated event when the note has no date). */
  nextEvent?: MeetingEvent;
  directives: Directive[];
  problems: ModelProblem[];
  /** Line starts, for offset → line/column. */
  lineStarts: number[];
}
