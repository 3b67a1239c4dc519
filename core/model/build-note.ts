import { compareDates, type PlainDate } from '../dates/calendar.js';
import type { DateContext, DateMention } from '../dates/types.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { parseMarkdown } from '../parse/markdown.js';
import { boundInlineMarkers } from '../parse/inline-density.js';
import { boundNesting } from '../parse/nesting.js';
import { lineStarts, withLineFeeds } from '../text/lines.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { collectBlocks } from './blocks.js';
import { readClauses } from './clauses.js';
import { proseCommitments } from './commitments.js';
import { readDirectives } from './directives.js';
import { findEvents, frontMatterEvent } from './events.js';
import { findMeetingDate } from './meeting-date.js';
import { meetingAt, meetingsOf, type LogsSetting } from './meetings.js';
import type { NoteMemo } from './note-memo.js';
import { isUpcoming, pickNextEvent } from './next-event.js';
import { readNoteFacts } from './note-facts.js';
import { memoClauses, memoDates, memoRoster } from './memo-reads.js';
import { buildRoster, readRosterLines, readSpeakers } from './rosters.js';
import { findLogSections } from './sections.js';
import type { Meeting, Note, Sentence } from './types.js';
import { readUnits } from './units.js';

export interface NoteOptions {
  path?: string;
  /** The config's roster of our team: names, @handles, email domains ("@oursales.com"). */
  seller: readonly string[];
  locale: string;
  timezone: string;
  vocabulary: Vocabulary;
  /** Which meetings of a running log the rules judge (default: the latest). */
  logs?: LogsSetting;
  /** What an earlier lint of the same document read (an editor's open note): reused where the text is the same. */
  memo?: NoteMemo;
}

/**
 * Builds the Note model from a note's text, in passes (one module each, see the README's layout):
 * parse → sections → front matter and rosters → meeting dates → items and owners → clauses →
 * commitments → events → next events. One parse, one walk; dates are read per sentence against the sentence's own meeting.
 */
export function buildNote(source: string, options: NoteOptions): Note {
  const text = withLineFeeds(source);
  const { vocabulary } = options;
  const bounded = boundNesting(text);
  const sparse = boundInlineMarkers(bounded.text);
  const tree = parseMarkdown(sparse.text, options.memo?.sections);
  const { blocks, comments, frontMatter: fmRange } = collectBlocks(tree, text);
  const frontMatter = fmRange ? readFrontMatter(text, fmRange.start, fmRange.end) : undefined;

  const facts = readNoteFacts(frontMatter, options.timezone, vocabulary);
  const read = buildRoster(facts.data, options.seller, facts.account, vocabulary);
  readRosterLines(blocks, read, vocabulary);
  readSpeakers(blocks, read, vocabulary);
  const { roster, reader, kept } = memoRoster(options.memo, read, vocabulary);

  const noteMeeting = { ...findMeetingDate(frontMatter, blocks, options, facts.timezone), timezone: facts.timezone };
  const sections = findLogSections(blocks, text.length, vocabulary, options.locale, facts.timezone);
  const meetings = meetingsOf(sections, noteMeeting, text.length, options.logs ?? 'latest');
  const latest = meetings.find((m) => m.latest) ?? meetings[0];
  const contexts = meetings.map(
    (m): DateContext => ({
      reference: m.info.date ? { date: m.info.date, time: m.info.time } : undefined,
      timezone: facts.timezone,
      locale: options.locale,
    }),
  );
  const contextKeys = contexts.map((c) => JSON.stringify([c.reference, c.timezone, c.locale]));
  const datesIn = (start: number, unit: string, meeting: Meeting): DateMention[] =>
    memoDates(options.memo, contextKeys[meeting.index], unit, contexts[meeting.index]).map((d) => ({
      ...d,
      start: d.start + start,
      end: d.end + start,
    }));

  const units = readUnits({
    text,
    blocks,
    meetings,
    reader,
    vocabulary,
    datesIn,
    hasRoster: roster.seller.length + roster.buyer.length + roster.attendees.length > 0,
  });
  for (const s of units.sentences) meetings[s.meeting].sentences.push(s);
  for (const m of meetings) m.transcript = isTranscript(m.sentences);
  // A transcript pasted under "Action items" is talk: only lines that name their owner there are action items.
  const listed = units.actionItems.filter((item) => {
    const keep = !meetings[item.meeting].transcript || item.source !== 'list' || item.owners.some((o) => item.text.includes(o.text));
    if (!keep) for (const s of item.sentences) s.item = undefined;
    return keep;
  });
  for (const s of units.sentences) {
    const meetingDate = meetings[s.meeting].info.date;
    s.clauses = memoClauses(kept, s, contextKeys[s.meeting], () =>
      readClauses(s, { reader, vocabulary, pointsAhead: (d) => pointsAhead(d, meetingDate, vocabulary) }),
    );
  }
  for (const item of listed) item.clauses = item.sentences.flatMap((s) => s.clauses);
  // In a pasted transcript, "I'll try to keep it short" is talk, not an action item someone wrote down.
  const written = units.sentences.filter((s) => !meetings[s.meeting].transcript);
  const actionItems = [...listed, ...proseCommitments(written, vocabulary)].sort((a, b) => a.start - b.start);

  const title = units.headings.find((h) => h.depth === 1) ?? units.headings[0];
  const ownHeadings = [...(title ? [title] : []), ...sections.map((s) => s.heading)];
  const events = findEvents({ items: actionItems, sentences: units.sentences, meetings, ownHeadings, reader, vocabulary });
  const fmEvent = frontMatterEvent(frontMatter, text, (start, value) => datesIn(start, value, latest), latest.index);
  if (fmEvent) events.push(fmEvent);
  for (const e of events) e.upcoming = isUpcoming(e, meetings[e.meeting].info.date);

  for (const item of actionItems) meetings[item.meeting].actionItems.push(item);
  for (const e of events) meetings[e.meeting].events.push(e);
  for (const h of units.headings) {
    if (!h.nextSteps) continue;
    const m = meetingAt(meetings, h.start);
    m.nextStepsHeading ??= h;
  }
  for (const m of meetings) m.nextEvent = pickNextEvent(m.events);
  const isLog = sections.length > 0;
  return {
    text,
    path: options.path,
    frontMatter,
    type: facts.type,
    isCustomerMeeting: facts.isCustomerMeeting,
    disabledRules: facts.disabledRules,
    meeting: latest.info,
    account: facts.account,
    roster: { seller: roster.seller, buyer: roster.buyer, attendees: roster.attendees },
    title,
    headings: units.headings,
    nextStepsHeading: latest.nextStepsHeading,
    sentences: units.sentences,
    actionItems,
    events,
    nextEvent: latest.nextEvent,
    meetings,
    judged: meetings.filter((m) => m.judged),
    // Only a task item can be ticked off: an unticked one of an earlier meeting is still open.
    carriedItems: isLog ? actionItems.filter((i) => i.source === 'task' && !i.done && !i.isEvent && i.meeting !== latest.index) : [],
    isLog,
    directives: readDirectives(comments),
    problems: facts.problems,
    ...(bounded.firstDeep ? { deepNesting: bounded.firstDeep } : {}),
    ...(sparse.firstDense ? { denseMarkup: sparse.firstDense } : {}),
    lineStarts: lineStarts(text),
  };
}

/** A meeting's prose needs this many sentences, this share of them talk, to read as a pasted transcript. */
const TRANSCRIPT_MIN_SENTENCES = 15;
const TRANSCRIPT_TALK_SHARE = 0.3;

function isTranscript(sentences: readonly Sentence[]): boolean {
  const prose = sentences.filter((s) => !s.item && !s.heading);
  return prose.length >= TRANSCRIPT_MIN_SENTENCES && prose.filter((s) => s.talk).length >= prose.length * TRANSCRIPT_TALK_SHARE;
}

/** Does a date point at or after the meeting ("Dec 3", "next week"), rather than back ("last month", "Oct 2" before an Oct 9 meeting)? */
function pointsAhead(d: DateMention, meetingDate: PlainDate | undefined, vocabulary: Vocabulary): boolean {
  if (d.kind === 'time') return false;
  if (d.kind === 'concrete') return !d.date || !meetingDate || compareDates(d.date, meetingDate) >= 0;
  return !vocabulary.has('pastDateWords', d.text);
}
