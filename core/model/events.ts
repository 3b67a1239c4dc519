import { compareDates, type PlainDate } from '../dates/calendar.js';
import { phraseAt } from './phrase-at.js';
import type { DateMention } from '../dates/types.js';
import type { FrontMatter } from '../parse/front-matter.js';
import type { PhraseMatch, Vocabulary } from '../vocabulary/types.js';
import { str } from './note-facts.js';
import type { OwnerReader } from './owners.js';
import type { ActionItem, Clause, Meeting, MeetingEvent, Sentence } from './types.js';

/**
 * Meeting words that belong to a meeting the client holds without us: inside or right after
 * "their board", "the spring board meeting", "their team offsite" — unless the text says we join.
 */
export function clientOnlyCues(text: string, cues: readonly PhraseMatch[], vocabulary: Vocabulary): Set<PhraseMatch> {
  const spans = vocabulary.find('clientOnlyMeetings', text);
  if (spans.length === 0 || vocabulary.has('clientOnlyOverrides', text)) return new Set();
  return new Set(cues.filter((c) => spans.some((s) => s.start <= c.end && c.start - s.end <= 12)));
}

/** "today's meeting", "this call", "the last demo": the meeting the note is about, or one before it. */
export function currentMeeting(text: string, cue: PhraseMatch, vocabulary: Vocabulary): boolean {
  const before = vocabulary.memo(
    'currentMeetingBefore',
    () => new RegExp(`(?:^|[^\\p{L}'’])(?:${vocabulary.source('currentMeetingWords')})\\s+(?:[\\p{L}-]+\\s+)?$`, 'iu'),
  );
  return before.test(text.slice(Math.max(0, cue.start - 40), cue.start));
}

/** Where a text names a meeting the client attends (docs/design.md, "Events and the next event"), or undefined. */
export function eventCue(text: string, vocabulary: Vocabulary, owned: boolean): { start: number; end: number } | undefined {
  // Most sentences name no meeting at all: a quick word test before the detailed search.
  if (!['meetingNouns', 'schedulingVerbs', 'weakMeetingNouns'].some((c) => vocabulary.mayHave(c, text))) return undefined;
  const compounds = vocabulary.memo(
    'meetingCompoundAfter',
    () => new RegExp(`^\\s+(?:${vocabulary.source('meetingNounCompounds')})(?![\\p{L}])`, 'iu'),
  );
  const notCompound = (m: PhraseMatch) => !compounds.test(text.slice(m.end));
  const strong = [...vocabulary.find('meetingNouns', text), ...vocabulary.find('schedulingVerbs', text)].filter(notCompound);
  // "review", "visit", "lunch"…: a meeting only as a noun ("architecture review", "a site visit"),
  // and, in an item someone owns, only when the client joins in ("lunch with Mary").
  const weak =
    owned && !vocabulary.has('jointCues', text)
      ? []
      : vocabulary.find('weakMeetingNouns', text).filter((m) => {
          const before = text.slice(0, m.start).trimEnd();
          return notCompound(m) && before !== '' && !/(?:^|[\s:])(?:to|will|'ll|’ll|and|please)$|[:;,(]$/i.test(before);
        });
  const cues = [...strong, ...weak];
  const theirs = clientOnlyCues(text, cues, vocabulary);
  return cues.filter((c) => !theirs.has(c) && !currentMeeting(text, c, vocabulary)).sort((a, b) => a.start - b.start)[0];
}

/**
 * Our side's own meetings are not the client's commitment (docs/design.md, "Sides and owners"): marked internal ("internal
 * prep", "dry run", "(no customer)"), or every person named with it is a seller ("sync with Sam").
 */
export function isSellerOnly(text: string, reader: OwnerReader, vocabulary: Vocabulary, dateStarts: readonly number[] = []): boolean {
  const named = /\bwith\s+([^.;:()]{1,80}?)(?:\s+(?:on|at|to|about|for|re)\b|[.;:()]|$)/iu.exec(text);
  if (!named) return vocabulary.has('sellerOnlyMeetings', text);
  // "with Sam Mon Nov 23": the names end where the day begins.
  const namesAt = named.index + named[0].indexOf(named[1]);
  const dayAt = Math.min(...dateStarts.filter((d) => d > namesAt), namesAt + named[1].length);
  const names = text.slice(namesAt, dayAt);
  const people = reader.list(names.replace(/\s+only$/i, ''));
  // "Migration dry-run session with Beth and Luis": the client's people make it their meeting too.
  if (people.some((p) => p.side === 'buyer' || p.side === 'joint')) return false;
  return vocabulary.has('sellerOnlyMeetings', text) || (people.length > 0 && people.every((p) => p.side === 'seller'));
}

/** Kinds of clause that can name a meeting still to come. */
const EVENT_KINDS = new Set<Clause['kind']>(['commitment', 'proposal', 'statement', 'request']);

export interface EventInput {
  items: readonly ActionItem[];
  sentences: readonly Sentence[];
  meetings: readonly Meeting[];
  /** Headings that name the meeting a note records: its title, and the headings of log sections. */
  ownHeadings: ReadonlyArray<{ start: number; end: number }>;
  reader: OwnerReader;
  vocabulary: Vocabulary;
}

/** Pass 6: the events of the note — in action items, prose clauses and front matter (docs/design.md, "Events and the next event"). */
export function findEvents(input: EventInput): MeetingEvent[] {
  const { vocabulary, reader } = input;
  const events: MeetingEvent[] = [];
  for (const item of input.items) {
    const cue = eventCue(item.text, vocabulary, item.owners.length > 0);
    if (!cue) continue;
    if (
      isSellerOnly(
        item.text,
        reader,
        vocabulary,
        item.dates.map((d) => d.start - item.start),
      )
    ) {
      if (item.owners.length === 0) item.side = 'seller';
      continue;
    }
    item.isEvent = true;
    events.push({
      start: item.start,
      end: item.end,
      text: item.text,
      source: 'item',
      item,
      owners: item.owners,
      side: item.owners.length ? item.side : 'joint',
      dates: item.dates,
      when: closestConcrete(item.dates, item.start + cue.start),
      upcoming: false,
      meeting: item.meeting,
    });
  }
  // "We will schedule the onsite": a prose commitment to book a meeting is its owner's task, an event above with that
  // side; "we have a design meeting tomorrow", "they'll meet us Tue" stay meetings of both sides.
  const committed = new Set(
    input.items
      .filter(
        (i) =>
          i.source === 'prose' &&
          i.clauses[0] &&
          phraseAt(vocabulary, 'bookingVerbs', i.clauses[0].text, i.clauses[0].verbAt - i.clauses[0].start),
      )
      .map((i) => i.clauses[0]),
  );
  for (const s of input.sentences) {
    if (s.item || (s.heading && input.ownHeadings.some((h) => s.start >= h.start && s.start < h.end))) continue;
    const meetingDate = input.meetings[s.meeting]?.info.date;
    for (const clause of s.clauses) {
      if (committed.has(clause) || !EVENT_KINDS.has(clause.kind) || (clause.conditional && clause.kind !== 'proposal')) continue;
      const cue = eventCue(clause.text, vocabulary, false);
      if (
        !cue ||
        isSellerOnly(
          clause.text,
          reader,
          vocabulary,
          clause.dates.map((d) => d.start - clause.start),
        )
      )
        continue;
      const dated = clause.dates.filter((d) => d.kind !== 'time');
      const ahead = dated.filter((d) => !(d.kind === 'concrete' && d.date && meetingDate && compareDates(d.date, meetingDate) < 0));
      // A statement names an event only with a day still to come; a commitment or proposal may leave the day open.
      if (dated.length ? ahead.length === 0 : clause.kind === 'statement' && !vocabulary.has('futureCues', clause.text)) continue;
      events.push({
        start: clause.start,
        end: clause.end,
        text: clause.text.trim(),
        source: 'prose',
        owners: [],
        side: 'joint',
        dates: clause.dates,
        when: closestConcrete(ahead, clause.start + cue.start),
        upcoming: false,
        meeting: s.meeting,
      });
    }
  }
  return events;
}

function closestConcrete(dates: readonly DateMention[], at: number): DateMention | undefined {
  let best: DateMention | undefined;
  for (const d of dates) {
    if (d.kind !== 'concrete') continue;
    if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  }
  return best;
}

/** A front matter `next_meeting` / `next_event` value: an event of the latest meeting. */
export function frontMatterEvent(
  frontMatter: FrontMatter | undefined,
  text: string,
  datesIn: (start: number, text: string) => DateMention[],
  meeting: number,
): MeetingEvent | undefined {
  const data = frontMatter?.data ?? {};
  for (const key of ['next_meeting', 'next_event', 'next-meeting', 'next-event', 'nextmeeting']) {
    const value = str(data[key]);
    const r = frontMatter?.keyRanges.get(key);
    if (!value || !r) continue;
    const at = text.slice(r.start, r.end).indexOf(value);
    const found = datesIn(at >= 0 ? r.start + at : r.start, value);
    // A value YAML rewrote (quotes, folding) cannot be located inside the line: point at the whole line.
    const usable = at >= 0 ? found : found.map((d) => ({ ...d, start: r.start, end: r.end }));
    return {
      start: r.start,
      end: r.end,
      text: value,
      source: 'front-matter',
      owners: [],
      side: 'joint',
      dates: usable,
      when: usable.find((d) => d.kind === 'concrete'),
      upcoming: false,
      meeting,
    };
  }
  return undefined;
}
