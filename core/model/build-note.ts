import { compareDates, type PlainDate } from '../dates/calendar.js';
import { findDates } from '../dates/find-dates.js';
import { isValidTimeZone } from '../dates/timezone.js';
import type { DateContext, DateMention } from '../dates/types.js';
import { readFrontMatter } from '../parse/front-matter.js';
import { parseMarkdown } from '../parse/markdown.js';
import { lineStarts } from '../text/lines.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { collectBlocks, type Block } from './blocks.js';
import { disabledByFrontMatter, readDirectives } from './directives.js';
import { eventCue } from './events.js';
import { absoluteDateIn, dateInFileName } from './meeting-date.js';
import { ownerReader, type OwnerReader } from './owners.js';
import { splitSentences } from './prose.js';
import { combinedSide, personFrom, rosterEntries, type RosterIndex } from './rosters.js';
import type { ActionItem, Heading, MeetingEvent, MeetingInfo, ModelProblem, Note, Owner, Person, Sentence } from './types.js';

export interface NoteOptions {
  path?: string;
  /** The config's roster of our team: names, @handles, email domains ("@oursales.com"). */
  seller: readonly string[];
  locale: string;
  timezone: string;
  vocabulary: Vocabulary;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : undefined;

const pick = (data: Record<string, unknown>, ...keys: string[]): unknown => {
  for (const k of keys) if (data[k] !== undefined && data[k] !== null) return data[k];
  return undefined;
};

/** Builds the Note model (SPEC 1) from a note's text: one parse, one walk, dates parsed per sentence. */
export function buildNote(text: string, options: NoteOptions): Note {
  const { vocabulary } = options;
  const tree = parseMarkdown(text);
  const { blocks, comments, frontMatter: fmRange } = collectBlocks(tree, text);
  const problems: ModelProblem[] = [];
  const frontMatter = fmRange ? readFrontMatter(text, fmRange.start, fmRange.end) : undefined;
  if (frontMatter?.error) problems.push({ kind: 'front-matter', ...frontMatter.error });
  const data = frontMatter?.data ?? {};

  const type = str(data.type)?.toLowerCase();
  const isCustomerMeeting = type === undefined || vocabulary.words('customerMeetingTypes').includes(type);
  const account = str(pick(data, 'account', 'company', 'customer_name', 'client_name'));

  let timezone = options.timezone;
  const tzValue = str(pick(data, 'timezone', 'time_zone', 'tz'));
  if (tzValue) {
    if (isValidTimeZone(tzValue)) timezone = tzValue;
    else {
      const r = frontMatter?.keyRanges.get(data.timezone !== undefined ? 'timezone' : data.tz !== undefined ? 'tz' : 'time_zone');
      problems.push({
        kind: 'timezone',
        message: `Unknown time zone "${tzValue}". Use an IANA name such as America/New_York.`,
        start: r?.start ?? 0,
        end: r?.end ?? 0,
      });
    }
  }

  const roster = buildRoster(data, options.seller, account);
  readRosterLines(blocks, roster, vocabulary);
  const reader = ownerReader(roster, vocabulary);

  const meeting = findMeetingDate(text, data, frontMatter?.keyRanges, blocks, options, timezone);
  const dateContext: DateContext = {
    reference: meeting.date ? { date: meeting.date, time: meeting.time } : undefined,
    timezone,
    locale: options.locale,
  };
  const datesIn = (start: number, unitText: string): DateMention[] =>
    findDates(unitText, dateContext).map((d) => ({ ...d, start: d.start + start, end: d.end + start }));

  const sentences: Sentence[] = [];
  const actionItems: ActionItem[] = [];
  const headings: Heading[] = [];
  const ownerLabels = new Map<number, Owner[]>();
  const nextStepsWords = (s: string) => vocabulary.has('nextStepsHeadings', s);
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  const titleText = firstHeading?.kind === 'heading' && firstHeading.depth === 1 ? firstHeading.text.trim() : undefined;
  const otherSection = (s: string) => vocabulary.words('otherSections').includes(s.trim().toLowerCase().replace(/[:*#]+$/, '').trim());
  /** Under a next-steps heading: the innermost heading names next steps, or an outer one does and the inner one names no other section. */
  const underNextSteps = (all: readonly string[]) => {
    // The note's title ("# Globex — mutual action plan review") names the meeting, not a section.
    const headings = titleText !== undefined && all[0] === titleText ? all.slice(1) : all;
    const inner = headings[headings.length - 1];
    if (inner === undefined) return false;
    if (nextStepsWords(inner)) return true;
    return !otherSection(inner) && headings.slice(0, -1).some(nextStepsWords);
  };

  const proseSentences = (start: number, masked: string, heading = false) => {
    for (const [a, b] of splitSentences(masked)) {
      const t = masked.slice(a, b);
      sentences.push({ start: start + a, end: start + b, text: t, dates: datesIn(start + a, t), heading });
    }
  };

  const addItem = (start: number, masked: string, source: ActionItem['source'], done: boolean, inherited?: Owner[], extra?: { owners?: Owner[]; dates?: DateMention[] }) => {
    const lead = masked.length - masked.trimStart().length;
    const body = masked.trim();
    if (!body) return;
    const itemStart = start + lead;
    const item: ActionItem = {
      start: itemStart,
      end: itemStart + body.length,
      text: body,
      done,
      source,
      owners: [],
      side: 'unknown',
      dates: [],
      isEvent: false,
      sentences: [],
    };
    item.owners = extra?.owners?.length ? extra.owners : reader.read(body);
    if (item.owners.length === 0 && inherited) item.owners = inherited;
    item.side = combinedSide(item.owners);
    for (const [a, b] of splitSentences(body)) {
      const t = body.slice(a, b);
      const sentence: Sentence = { start: itemStart + a, end: itemStart + b, text: t, dates: datesIn(itemStart + a, t), heading: false, item };
      item.sentences.push(sentence);
      sentences.push(sentence);
    }
    item.dates = [...item.sentences.flatMap((s) => s.dates), ...(extra?.dates ?? [])];
    actionItems.push(item);
  };

  const markerRe = vocabulary.memo(
    'actionMarkerLine',
    () => new RegExp(`^(\\s*(?:${vocabulary.source('actionMarkers')})s?(?:\\s*#?\\d+(?:\\.\\d+)*)?\\s*[:：]\\s*)(?=\\S)`, 'iu'),
  );

  for (const block of blocks) {
    const inNextSteps = underNextSteps(block.context.headings) || (block.context.label !== undefined && nextStepsWords(block.context.label));
    if (block.kind === 'heading') {
      const heading: Heading = { depth: block.depth, text: block.text.trim(), start: block.start, end: block.end, nextSteps: nextStepsWords(block.text) };
      headings.push(heading);
      proseSentences(block.start, block.text, true);
      continue;
    }
    if (block.kind === 'table') {
      if (!readActionTable(block, addItem, reader, vocabulary, datesIn)) {
        for (const row of block.rows) for (const cell of row) proseSentences(cell.start, cell.text);
      }
      continue;
    }
    const li = block.context.listItem;
    if (li?.first) {
      const box = /^(\s*)\[( |x|X)?\]\s+/.exec(block.text);
      const checked = li.checked ?? (box ? box[2] !== undefined && box[2] !== ' ' : null);
      const masked = box ? ' '.repeat(box[0].length) + block.text.slice(box[0].length) : block.text;
      const firstLine = masked.split('\n')[0];
      const marker = markerRe.exec(firstLine);
      const ownerOnly = /^\s*([^:]{1,60}):\s*$/.exec(masked);
      const inherited = li.parentId !== undefined ? ownerLabels.get(li.parentId) : undefined;
      if (ownerOnly && (inNextSteps || checked !== null)) {
        const owners = reader.list(ownerOnly[1]);
        if (owners.length) {
          ownerLabels.set(li.id, owners);
          continue;
        }
      }
      if (checked !== null) addItem(block.start, masked, 'task', checked);
      else if (marker) addItem(block.start, ' '.repeat(marker[1].length) + masked.slice(marker[1].length), 'marker', false, inherited);
      else if (inNextSteps) addItem(block.start, masked, 'list', false, inherited);
      else proseSentences(block.start, masked);
      continue;
    }
    // Paragraph lines: marker lines ("AI: …") anywhere, and the lines of a short paragraph under a next-steps heading.
    const lines = block.text.split('\n');
    const shortList = lines.length <= 8 && lines.every((l) => l.length <= 200);
    let lineStart = 0;
    let proseFrom = 0;
    const flushProse = (to: number) => {
      if (to > proseFrom) proseSentences(block.start + proseFrom, block.text.slice(proseFrom, to));
    };
    for (const line of lines) {
      const marker = markerRe.exec(line);
      const underHeading = inNextSteps && shortList && !li && !block.context.quote && line.trim() !== '' && !/:\s*$/.test(line) && block.context.label === undefined;
      if (marker || underHeading) {
        flushProse(lineStart);
        const masked = marker ? ' '.repeat(marker[1].length) + line.slice(marker[1].length) : line;
        addItem(block.start + lineStart, masked, marker ? 'marker' : 'list', false);
        proseFrom = lineStart + line.length + 1;
      }
      lineStart += line.length + 1;
    }
    flushProse(block.text.length);
  }

  const events = findEvents(actionItems, sentences, vocabulary, meeting.date);
  const fmEvent = frontMatterEvent(data, frontMatter?.keyRanges, text, datesIn);
  if (fmEvent) events.push(fmEvent);
  for (const e of events) {
    e.upcoming = !e.item?.done && e.when !== undefined && !(meeting.date && e.when.date && compareDates(e.when.date, meeting.date) < 0);
  }

  const nextStepsHeading = headings.find((h) => h.nextSteps);
  return {
    text,
    path: options.path,
    frontMatter,
    type,
    isCustomerMeeting,
    disabledRules: disabledByFrontMatter(data.notelint),
    meeting: { ...meeting, timezone },
    account,
    roster: { seller: roster.seller, buyer: roster.buyer, attendees: roster.attendees },
    title: headings.find((h) => h.depth === 1) ?? headings[0],
    headings,
    nextStepsHeading,
    sentences,
    actionItems,
    events,
    nextEvent: pickNextEvent(events),
    directives: readDirectives(comments),
    problems,
    lineStarts: lineStarts(text),
  };
}

function buildRoster(data: Record<string, unknown>, configSeller: readonly string[], account: string | undefined): RosterIndex {
  const attendees = data.attendees;
  const nested = attendees && typeof attendees === 'object' && !Array.isArray(attendees) ? (attendees as Record<string, unknown>) : {};
  const people = (side: Person['side'], ...values: unknown[]) =>
    values.flatMap(rosterEntries).flatMap((e) => personFrom(e, side) ?? []);
  const index: RosterIndex = {
    seller: people('seller', data.seller, data.sellers, data.us, data.team, nested.seller, nested.us),
    buyer: people('buyer', data.buyer, data.buyers, data.them, data.client, data.customer, data.prospect, nested.buyer, nested.them, nested.client, nested.customer),
    attendees: [],
    account,
    sellerDomains: [],
  };
  if (Array.isArray(attendees) || typeof attendees === 'string') {
    for (const entry of rosterEntries(attendees)) index.attendees.push(...sidedPeople(entry, index, undefined));
  }
  for (const entry of configSeller) {
    const domain = /^@([\w-]+(?:\.[\w-]+)+)$/.exec(entry.trim());
    if (domain) index.sellerDomains.push(domain[1].toLowerCase());
    else {
      const p = personFrom(entry, 'seller');
      if (p) index.seller.push(p);
    }
  }
  return index;
}

/** "Dana Lee (us)", "Mary Chen (Acme)" in an attendee list: the parenthesis may say the side. */
function sidedPeople(entry: string, index: RosterIndex, vocabulary: Vocabulary | undefined): Person[] {
  const paren = /\(([^)]*)\)/.exec(entry)?.[1]?.trim().toLowerCase() ?? '';
  let side: Person['side'] = 'unknown';
  if (paren) {
    const isWord = (cat: string) => vocabulary?.words(cat).some((w) => w.toLowerCase() === paren) ?? false;
    if (isWord('sellerRosterLabels') || paren === 'us') side = 'seller';
    else if (isWord('buyerRosterLabels') || (index.account && paren === index.account.toLowerCase())) side = 'buyer';
  }
  const p = personFrom(entry, side);
  return p ? [p] : [];
}

/** Labelled lines in the body: "**Us:** Dana, Sam", "Customer: Kim Lee (IT)", "Attendees: Dana Lee (us), Mary Chen (Acme)". */
function readRosterLines(blocks: readonly Block[], index: RosterIndex, vocabulary: Vocabulary): void {
  const is = (cat: string, label: string) => vocabulary.words(cat).some((w) => w.toLowerCase() === label);
  const accountLabel = index.account?.toLowerCase();
  for (const block of blocks.slice(0, 40)) {
    if (block.kind !== 'paragraph') continue;
    const underAttendees = block.context.listItem && block.context.headings.some((h) => is('attendeeLabels', h.toLowerCase()));
    for (const line of block.text.split('\n')) {
      const m = /^\s*([^:]{1,30}?)\s*:\s*(.+)$/.exec(line);
      const label = m?.[1].toLowerCase();
      const entries = m ? rosterEntries(m[2]) : underAttendees ? [line.trim()] : [];
      if (!entries.length) continue;
      let side: Person['side'] | 'attendees' | undefined;
      if (label && is('sellerRosterLabels', label)) side = 'seller';
      else if (label && (is('buyerRosterLabels', label) || label === accountLabel)) side = 'buyer';
      else if ((label && is('attendeeLabels', label)) || (!m && underAttendees)) side = 'attendees';
      if (!side) continue;
      for (const entry of entries) {
        if (side === 'attendees') {
          for (const p of sidedPeople(entry, index, vocabulary)) {
            (p.side === 'seller' ? index.seller : p.side === 'buyer' ? index.buyer : index.attendees).push(p);
          }
        } else {
          const p = personFrom(entry, side);
          if (p) (side === 'seller' ? index.seller : index.buyer).push(p);
        }
      }
    }
  }
}

function findMeetingDate(
  text: string,
  data: Record<string, unknown>,
  keyRanges: Map<string, { start: number; end: number }> | undefined,
  blocks: readonly Block[],
  options: NoteOptions,
  timezone: string,
): Omit<MeetingInfo, 'timezone'> {
  for (const key of ['date', 'meeting_date', 'meeting-date', 'when']) {
    const value = str(data[key]);
    if (!value) continue;
    const found = absoluteDateIn(value, options.locale, timezone);
    const r = keyRanges?.get(key);
    if (found) return { date: found.date, time: found.time, source: 'front-matter', start: r?.start, end: r?.end };
  }
  const labels = options.vocabulary.words('meetingDateLabels');
  for (const block of blocks.slice(0, 12)) {
    if (block.kind !== 'paragraph') continue;
    let offset = block.start;
    for (const line of block.text.split('\n')) {
      const m = /^\s*([^:]{1,20}?)\s*:\s*(.+)$/.exec(line);
      if (m && labels.includes(m[1].toLowerCase())) {
        const found = absoluteDateIn(m[2], options.locale, timezone);
        const at = offset + line.indexOf(m[2]);
        if (found) return { date: found.date, time: found.time, source: 'label', start: at + found.start, end: at + found.end };
      }
      offset += line.length + 1;
    }
  }
  const title = blocks.find((b) => b.kind === 'heading');
  if (title && title.kind === 'heading' && blocks.indexOf(title) < 5) {
    const found = absoluteDateIn(title.text, options.locale, timezone);
    if (found) return { date: found.date, time: found.time, source: 'title', start: title.start + found.start, end: title.start + found.end };
  }
  const fromName = options.path ? dateInFileName(options.path) : undefined;
  if (fromName) return { date: fromName, source: 'file-name' };
  void text;
  return { source: 'none' };
}

/** A Mutual-action-plan style table: an action column and an owner or date column. */
function readActionTable(
  block: Extract<Block, { kind: 'table' }>,
  addItem: (start: number, masked: string, source: ActionItem['source'], done: boolean, inherited?: Owner[], extra?: { owners?: Owner[]; dates?: DateMention[] }) => void,
  reader: OwnerReader,
  vocabulary: Vocabulary,
  datesIn: (start: number, text: string) => DateMention[],
): boolean {
  const header = block.rows[0]?.map((c) => c.text.trim().replace(/\s+/g, ' ').toLowerCase()) ?? [];
  const column = (cat: string) => header.findIndex((h) => vocabulary.words(cat).some((w) => w.toLowerCase() === h));
  const action = column('tableActionHeaders');
  const owner = column('tableOwnerHeaders');
  const due = column('tableDueHeaders');
  const status = column('tableStatusHeaders');
  if (action < 0 || (owner < 0 && due < 0)) return false;
  const doneWords = vocabulary.words('doneStatuses').map((w) => w.toLowerCase());
  for (const row of block.rows.slice(1)) {
    const cell = row[action];
    if (!cell || !cell.text.trim()) continue;
    const owners = owner >= 0 && row[owner] ? reader.list(row[owner].text.trim()) : [];
    const dueCell = due >= 0 ? row[due] : undefined;
    // A Due cell is date context by itself: read "12/1" there as "by 12/1".
    const dates = dueCell ? datesIn(dueCell.start - 3, `by ${dueCell.text}`).filter((d) => d.start >= dueCell.start) : [];
    const done = status >= 0 && row[status] ? doneWords.includes(row[status].text.trim().toLowerCase()) : false;
    addItem(cell.start, cell.text, 'table', done, undefined, { owners, dates });
  }
  return true;
}

function findEvents(items: readonly ActionItem[], sentences: readonly Sentence[], vocabulary: Vocabulary, meetingDate: PlainDate | undefined): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  for (const item of items) {
    const cue = eventCue(item.text, vocabulary, item.owners.length > 0);
    if (!cue) continue;
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
    });
  }
  for (const s of sentences) {
    if (s.item) continue;
    const cue = eventCue(s.text, vocabulary, false);
    if (!cue) continue;
    // "We met on Tuesday", "we had a demo": the story of this meeting, not a next one.
    if (vocabulary.has('pastNarration', s.text) && !vocabulary.has('futureCues', s.text)) continue;
    const dated = s.dates.filter((d) => d.kind !== 'time');
    const upcoming = dated.filter((d) => !(d.kind === 'concrete' && d.date && meetingDate && compareDates(d.date, meetingDate) < 0));
    if (dated.length ? upcoming.length === 0 : !vocabulary.has('futureCues', s.text)) continue;
    events.push({
      start: s.start,
      end: s.end,
      text: s.text,
      source: 'prose',
      owners: [],
      side: 'joint',
      dates: s.dates,
      when: closestConcrete(upcoming, s.start + cue.start),
      upcoming: false,
    });
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

function frontMatterEvent(
  data: Record<string, unknown>,
  keyRanges: Map<string, { start: number; end: number }> | undefined,
  text: string,
  datesIn: (start: number, text: string) => DateMention[],
): MeetingEvent | undefined {
  for (const key of ['next_meeting', 'next_event', 'next-meeting', 'next-event', 'nextmeeting']) {
    const value = str(data[key]);
    const r = keyRanges?.get(key);
    if (!value || !r) continue;
    const at = text.slice(r.start, r.end).indexOf(value);
    const found = datesIn(at >= 0 ? r.start + at : r.start, value);
    // A value YAML rewrote (quotes, folding) cannot be located inside the line: point at the whole line.
    const usable = at >= 0 ? found : found.map((d) => ({ ...d, start: r.start, end: r.end }));
    return { start: r.start, end: r.end, text: value, source: 'front-matter', owners: [], side: 'joint', dates: usable, when: usable.find((d) => d.kind === 'concrete'), upcoming: false };
  }
  return undefined;
}

function pickNextEvent(events: readonly MeetingEvent[]): MeetingEvent | undefined {
  let best: MeetingEvent | undefined;
  for (const e of events) {
    const when = e.when;
    if (!when || !e.upcoming) continue;
    if (!best) {
      best = e;
      continue;
    }
    const b = best.when!;
    if (when.date && b.date) {
      const c = compareDates(when.date, b.date);
      if (c < 0 || (c === 0 && eventTime(e) && !eventTime(best))) best = e;
    } else if (when.date && !b.date) best = e;
  }
  return best;
}

/** The time of day an event was given: with its date, or elsewhere in the same item or sentence. */
export function eventTime(e: MeetingEvent): DateMention['time'] {
  return e.when?.time ?? e.dates.find((d) => d.kind === 'time' && d.time)?.time;
}
