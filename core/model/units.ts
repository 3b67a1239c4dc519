import type { DateMention } from '../dates/types.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { readActionTable } from './action-table.js';
import type { Block } from './blocks.js';
import { dueDatesIn } from './due-dates.js';
import { meetingAt } from './meetings.js';
import type { OwnerReader } from './owners.js';
import { splitSentences } from './prose.js';
import { combinedSide } from './rosters.js';
import type { ActionItem, Heading, Meeting, Owner, Sentence } from './types.js';

export interface UnitsInput {
  text: string;
  blocks: readonly Block[];
  meetings: readonly Meeting[];
  reader: OwnerReader;
  vocabulary: Vocabulary;
  /** Dates of a unit of text starting at `start`, read against a meeting's date. */
  datesIn: (start: number, text: string, meeting: Meeting) => DateMention[];
  /** The note has a roster: a capitalised word is then an owner group only when the roster names it. */
  hasRoster: boolean;
}

export interface Units {
  sentences: Sentence[];
  actionItems: ActionItem[];
  headings: Heading[];
}

/** "Lina Haddad: …", "**Tom:** …", "Micah [28:09]: …": a line that a person speaks. */
const SPEAKER = /^\s*([^:\n\d]{1,40}?)\s*(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?[:：]\s+\S/u;

/** Longer headings that mention action items ("Review previous decisions made and action items") are a topic, not the section. */
const MAX_SECTION_NAME_WORDS = 5;

/** Does a heading or label name a next-steps section: "Next steps", "5. Action items", "Agreed next steps (owners)"? */
export function namesNextSteps(text: string, vocabulary: Vocabulary): boolean {
  const words = text.replace(/\([^)]*\)/g, ' ').replace(/^[\s\d.)#*_:-]+/, '').trim().split(/\s+/);
  return words.length <= MAX_SECTION_NAME_WORDS && vocabulary.has('nextStepsHeadings', text);
}

/**
 * Pass 4: the note's units — headings, prose sentences and action items with their owners (SPEC
 * 1.3): task items anywhere; list items and short lines under a next-steps heading or label; marker
 * lines ("AI: …"); action table rows; owner groups ("**Kim Lee**" then a list); "Name: text" lines
 * outside next steps are speech (the sentence keeps its speaker).
 */
export function readUnits(input: UnitsInput): Units {
  const { text, blocks, reader, vocabulary } = input;
  const sentences: Sentence[] = [];
  const actionItems: ActionItem[] = [];
  const headings: Heading[] = [];
  const groupOwners = new Map<number, Owner[]>();
  const nextStepsWords = (s: string) => namesNextSteps(s, vocabulary);
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  const titleText = firstHeading?.kind === 'heading' && firstHeading.depth === 1 ? firstHeading.text.trim() : undefined;
  const otherSection = (s: string) => vocabulary.words('otherSections').includes(s.trim().toLowerCase().replace(/[:*#]+$/, '').trim());
  /** Under a next-steps heading: the innermost heading names next steps, or an outer one does and the inner one names no other section. */
  const underNextSteps = (all: readonly string[]) => {
    // The note's title ("# Globex — mutual action plan review") names the meeting, not a section.
    const hs = titleText !== undefined && all[0] === titleText ? all.slice(1) : all;
    const inner = hs[hs.length - 1];
    if (inner === undefined) return false;
    if (nextStepsWords(inner)) return true;
    return !otherSection(inner) && hs.slice(0, -1).some(nextStepsWords);
  };
  /** An owner group's name line: someone the roster names, a side, an @handle — or, with no roster, a name. */
  const groupOf = (label: string | undefined): Owner[] => {
    if (!label || label.length > 60) return [];
    const owners = reader.list(label.replace(/[:：]\s*$/, ''));
    return owners.length && (owners.every((o) => reader.known(o)) || !input.hasRoster) ? owners : [];
  };
  const speakerOf = (line: string): Owner | undefined => {
    const m = SPEAKER.exec(line);
    if (!m) return undefined;
    const owners = reader.list(m[1]);
    return owners.length === 1 && !vocabulary.has('subjectPronouns', m[1].trim()) ? owners[0] : undefined;
  };

  const proseSentences = (start: number, masked: string, heading = false) => {
    const meeting = meetingAt(input.meetings, start);
    // Speech lines: every sentence of the line is the speaker's.
    const speakers: Array<{ from: number; to: number; who: Owner }> = [];
    if (!heading) {
      let at = 0;
      for (const line of masked.split('\n')) {
        const who = speakerOf(line);
        if (who) speakers.push({ from: at, to: at + line.length, who });
        at += line.length + 1;
      }
    }
    for (const [a, b] of splitSentences(masked)) {
      const t = masked.slice(a, b);
      const speaker = speakers.find((s) => a >= s.from && a < s.to)?.who;
      sentences.push({ start: start + a, end: start + b, text: t, dates: input.datesIn(start + a, t, meeting), heading, clauses: [], meeting: meeting.index, speaker });
    }
  };

  const addItem = (start: number, masked: string, source: ActionItem['source'], done: boolean, inherited?: Owner[], extra?: { owners?: Owner[]; dates?: DateMention[] }) => {
    const lead = masked.length - masked.trimStart().length;
    const body = masked.trim();
    if (!body) return;
    const itemStart = start + lead;
    const meeting = meetingAt(input.meetings, itemStart);
    const item: ActionItem = {
      start: itemStart,
      end: itemStart + body.length,
      text: body,
      done,
      source,
      owners: [],
      side: 'unknown',
      dates: [],
      dueDates: [],
      isEvent: false,
      sentences: [],
      clauses: [],
      meeting: meeting.index,
    };
    item.owners = extra?.owners?.length ? extra.owners : reader.read(body, text.slice(itemStart, item.end));
    if (item.owners.length === 0 && inherited) item.owners = inherited;
    item.side = combinedSide(item.owners);
    for (const [a, b] of splitSentences(body)) {
      const t = body.slice(a, b);
      const sentence: Sentence = { start: itemStart + a, end: itemStart + b, text: t, dates: input.datesIn(itemStart + a, t, meeting), heading: false, item, clauses: [], meeting: meeting.index };
      item.sentences.push(sentence);
      sentences.push(sentence);
    }
    item.dates = [...item.sentences.flatMap((s) => s.dates), ...(extra?.dates ?? [])];
    item.dueDates = [...item.sentences.flatMap((s) => dueDatesIn(s.text, s.start, s.dates, vocabulary)), ...(extra?.dates ?? [])];
    actionItems.push(item);
  };

  const markerRe = vocabulary.memo(
    'actionMarkerLine',
    () => new RegExp(`^(\\s*(?:${vocabulary.source('actionMarkers')})s?(?:\\s*#?\\d+(?:\\.\\d+)*)?\\s*[:：]\\s*)(?=\\S)`, 'iu'),
  );

  for (const block of blocks) {
    const inNextSteps = underNextSteps(block.context.headings) || (block.context.label !== undefined && nextStepsWords(block.context.label));
    if (block.kind === 'heading') {
      headings.push({ depth: block.depth, text: block.text.trim(), start: block.start, end: block.end, nextSteps: nextStepsWords(block.text) });
      proseSentences(block.start, block.text, true);
      continue;
    }
    if (block.kind === 'table') {
      const meeting = meetingAt(input.meetings, block.rows[0]?.[0]?.start ?? 0);
      const rows = readActionTable(block, reader, vocabulary, (start, t) => input.datesIn(start, t, meeting));
      if (rows) for (const row of rows) addItem(row.start, row.text, 'table', row.done, undefined, { owners: row.owners, dates: row.dates });
      else for (const row of block.rows) for (const cell of row) proseSentences(cell.start, cell.text);
      continue;
    }
    // Owner groups: "**Kim Lee**" or "Kim Lee:" above a list, or a "### Kim Lee" heading inside next steps.
    const group = inNextSteps ? groupOf(block.context.label) : [];
    const headingGroup = inNextSteps && !group.length ? groupOf(block.context.headings[block.context.headings.length - 1]) : [];
    const sectionOwners = group.length ? group : headingGroup.length ? headingGroup : undefined;
    const li = block.context.listItem;
    if (li?.first) {
      const box = /^(\s*)\[( |x|X)?\]\s+/.exec(block.text);
      const checked = li.checked ?? (box ? box[2] !== undefined && box[2] !== ' ' : null);
      const masked = box ? ' '.repeat(box[0].length) + block.text.slice(box[0].length) : block.text;
      const firstLine = masked.split('\n')[0];
      const marker = markerRe.exec(firstLine);
      const ownerOnly = /^\s*([^:]{1,60}):\s*$/.exec(masked);
      const inherited = (li.parentId !== undefined ? groupOwners.get(li.parentId) : undefined) ?? sectionOwners;
      if (ownerOnly && (inNextSteps || checked !== null)) {
        const owners = reader.list(ownerOnly[1]);
        if (owners.length) {
          groupOwners.set(li.id, owners);
          continue;
        }
      }
      if (checked !== null) addItem(block.start, masked, 'task', checked, inherited);
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
        addItem(block.start + lineStart, masked, marker ? 'marker' : 'list', false, sectionOwners);
        proseFrom = lineStart + line.length + 1;
      }
      lineStart += line.length + 1;
    }
    flushProse(block.text.length);
  }
  return { sentences, actionItems, headings };
}
