import type { DateMention } from '../dates/types.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { readActionTable } from './action-table.js';
import type { Block } from './blocks.js';
import { dueDatesIn } from './due-dates.js';
import { meetingAt } from './meetings.js';
import { phraseAt } from './phrase-at.js';
import type { OwnerReader } from './owners.js';
import { splitSentences } from './prose.js';
import { speakerLabel, speechStart } from './speech.js';
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

/** "B. Try to reduce storage", "(a) keep it": one option of several, not an agreed step. */
const OPTION = /^\s*(?:[A-Z]|\(?[a-z]\))[.)]\s/;

/** Talk markers in one sentence that make it spoken rather than written. */
const TALK_MARKERS = 2;

/** "So I'll just…", "Yeah, um, we could kind of…": a sentence someone said rather than wrote. */
export function isTalk(text: string, vocabulary: Vocabulary): boolean {
  const said = text.slice(speechStart(text));
  return phraseAt(vocabulary, 'spokenFillers', said, 0) !== undefined || vocabulary.find('talkMarkers', said).length >= TALK_MARKERS;
}

/** Speech lines ("Name: …") outside next steps that make a meeting's record a conversation. */
const CONVERSATION_LINES = 8;

/** An action item is a line or two; a list item longer than this is a paragraph of talk or narration. */
const MAX_ITEM_LENGTH = 250;

/** Longer headings that mention action items ("Review previous decisions made and action items") are a topic, not the section. */
const MAX_SECTION_NAME_WORDS = 5;

/**
 * Does a heading or label name a next-steps section ("Next steps", "5. Action items", "Agreed next
 * steps (owners)"), or one that mixes them with the notes ("Notes & Action Items", "Decisions Made /
 * Action items") — where only lines that name their owner are action items?
 */
export function namesNextSteps(text: string, vocabulary: Vocabulary): 'next-steps' | 'mixed' | undefined {
  const name = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^[\s\d.)#*_:-]+/, '')
    .trim();
  const words = name.split(/\s+/);
  if (words.length > MAX_SECTION_NAME_WORDS) return undefined;
  const found = vocabulary.find('nextStepsHeadings', name);
  // "Working group follow-up" reports on a topic; "Follow-up", "Follow-ups", "Client follow-ups" list the steps.
  if (!found.some((m) => m.start === 0 || !/^follow[-\s]?up$/i.test(m.text))) return undefined;
  return vocabulary.has('notesSections', text) ? 'mixed' : 'next-steps';
}

/**
 * Pass 4: the note's units — headings, prose sentences and action items with their owners
 * (docs/design.md, "Action items"): task items anywhere; list items and short lines under a next-steps heading or label; marker
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
  const otherSection = (s: string) =>
    vocabulary.words('otherSections').includes(
      s
        .trim()
        .toLowerCase()
        .replace(/[:*#]+$/, '')
        .trim(),
    );
  /** Under a next-steps heading: the innermost heading names next steps, or an outer one does and the inner one names no other section. */
  const underNextSteps = (all: readonly string[]): 'next-steps' | 'mixed' | undefined => {
    // The note's title ("# Globex — mutual action plan review") names the meeting, not a section.
    const hs = titleText !== undefined && all[0] === titleText ? all.slice(1) : all;
    const inner = hs[hs.length - 1];
    if (inner === undefined) return undefined;
    const own = nextStepsWords(inner);
    if (own) return own;
    if (otherSection(inner)) return undefined;
    for (let i = hs.length - 2; i >= 0; i--) {
      const outer = nextStepsWords(hs[i]);
      if (outer) return outer;
    }
    return undefined;
  };
  /** An owner group's name line: someone the roster names, a side, an @handle — or, with no roster, a name. */
  const groupOf = (label: string | undefined): Owner[] => {
    if (!label || label.length > 60) return [];
    const owners = reader.list(label.replace(/[:：]\s*$/, ''));
    return owners.length && (owners.every((o) => reader.known(o)) || !input.hasRoster) ? owners : [];
  };
  const namesOnly = (line: string): boolean => {
    const label = line.replace(/[*_:：]/g, ' ').trim();
    return (
      label.split(/\s+/).length <= 6 &&
      /^[\p{Lu}@]/u.test(label) &&
      !/\d/.test(label) &&
      groupOf(label).length > 0 &&
      !/\b\p{Ll}{3,}\b/u.test(label.replace(/\b(?:and|or|de|van|von|da|di)\b/g, ''))
    );
  };
  const speakerOf = (line: string): Owner | undefined => {
    const name = speakerLabel(line, vocabulary);
    if (!name) return undefined;
    const owners = reader.list(name);
    return owners.length === 1 && !vocabulary.has('subjectPronouns', name) ? owners[0] : undefined;
  };

  /** "Yeah. So we could probably…", or a paragraph of talk: a transcript under a next-steps heading, not an action item. */
  const spoken = (masked: string): boolean => {
    const body = masked.trim();
    const said = body.slice(speechStart(body));
    return body.length > MAX_ITEM_LENGTH || phraseAt(vocabulary, 'spokenFillers', said, 0) !== undefined;
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
      sentences.push({
        start: start + a,
        end: start + b,
        text: t,
        dates: input.datesIn(start + a, t, meeting),
        heading,
        clauses: [],
        meeting: meeting.index,
        speaker,
        talk: !heading && isTalk(t, vocabulary),
      });
    }
  };

  const addItem = (
    start: number,
    masked: string,
    source: ActionItem['source'],
    done: boolean,
    inherited?: Owner[],
    extra?: { owners?: Owner[]; dates?: DateMention[] },
  ) => {
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
      const sentence: Sentence = {
        start: itemStart + a,
        end: itemStart + b,
        text: t,
        dates: input.datesIn(itemStart + a, t, meeting),
        heading: false,
        item,
        clauses: [],
        meeting: meeting.index,
        talk: false,
      };
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

  const sectionOf = (block: (typeof blocks)[number]) =>
    underNextSteps(block.context.headings) ?? (block.context.label !== undefined ? nextStepsWords(block.context.label) : undefined);
  // A meeting recorded as a conversation ("**Peter**: probably both." line after line): under its
  // "next steps" topic heading, a "Name: …" line is still someone speaking, not an owner's item.
  // So is a next-steps section that reads as one: many speakers' lines, some of them questions or long turns.
  // Counted once, on the first speaker line met under next steps (most notes have none).
  const speechLines = new Map<number, number>();
  const sectionTalk = new Map<string, { lines: number; speakers: Set<string>; turns: number }>();
  let counted = false;
  const countSpeech = () => {
    counted = true;
    for (const block of blocks) {
      if (block.kind !== 'paragraph' || block.context.listItem) continue;
      const inSection = sectionOf(block) !== undefined;
      const meeting = meetingAt(input.meetings, block.start).index;
      const key = `${meeting}\u0000${block.context.headings.join('\u0000')}`;
      for (const line of block.text.split('\n')) {
        const who = speakerOf(line);
        if (!who) continue;
        if (!inSection) {
          speechLines.set(meeting, (speechLines.get(meeting) ?? 0) + 1);
          continue;
        }
        const talk = sectionTalk.get(key) ?? { lines: 0, speakers: new Set<string>(), turns: 0 };
        talk.lines++;
        talk.speakers.add((who.person?.name ?? who.text).toLowerCase());
        if (/\?\s*$/.test(line) || line.length > 150) talk.turns++;
        sectionTalk.set(key, talk);
      }
    }
  };
  const conversation = (block: { start: number; context: (typeof blocks)[number]['context'] }) => {
    if (!counted) countSpeech();
    const meeting = meetingAt(input.meetings, block.start).index;
    if ((speechLines.get(meeting) ?? 0) >= CONVERSATION_LINES) return true;
    const talk = sectionTalk.get(`${meeting}\u0000${block.context.headings.join('\u0000')}`);
    return talk !== undefined && talk.lines >= CONVERSATION_LINES && talk.speakers.size >= 3 && talk.turns >= 2;
  };

  for (const block of blocks) {
    const section = sectionOf(block);
    // In a section that mixes notes and action items, a line is an item only when it names its owner.
    const owned = (masked: string) => section === 'next-steps' || reader.read(masked).length > 0;
    const inNextSteps = section !== undefined;
    if (block.kind === 'heading') {
      headings.push({
        depth: block.depth,
        text: block.text.trim(),
        start: block.start,
        end: block.end,
        nextSteps: nextStepsWords(block.text) === 'next-steps',
      });
      proseSentences(block.start, block.text, true);
      continue;
    }
    if (block.kind === 'table') {
      const meeting = meetingAt(input.meetings, block.rows[0]?.[0]?.start ?? 0);
      const rows = readActionTable(block, reader, vocabulary, (start, t) => input.datesIn(start, t, meeting));
      if (rows)
        for (const row of rows) addItem(row.start, row.text, 'table', row.done, undefined, { owners: row.owners, dates: row.dates });
      else for (const row of block.rows) for (const cell of row) proseSentences(cell.start, cell.text);
      continue;
    }
    // Owner groups: "**Kim Lee**" or "Kim Lee:" above a list, or a "### Kim Lee" heading inside next steps.
    const group = section === 'next-steps' ? groupOf(block.context.label) : [];
    const headingGroup =
      section === 'next-steps' && !group.length ? groupOf(block.context.headings[block.context.headings.length - 1]) : [];
    const sectionOwners = group.length ? group : headingGroup.length ? headingGroup : undefined;
    const li = block.context.listItem;
    if (li?.first) {
      const box = /^(\s*)\[( |x|X)?\]\s+/.exec(block.text);
      const checked = li.checked ?? (box ? box[2] !== undefined && box[2] !== ' ' : null);
      const masked = box ? ' '.repeat(box[0].length) + block.text.slice(box[0].length) : block.text;
      const firstLine = masked.split('\n')[0];
      const marker = markerRe.exec(firstLine);
      const ownerOnly = /^(?=(\s*))\1([^:]{1,60}):\s*$/.exec(masked);
      const inherited = (li.parentId !== undefined ? groupOwners.get(li.parentId) : undefined) ?? sectionOwners;
      if (ownerOnly && (inNextSteps || checked !== null)) {
        const owners = reader.list(ownerOnly[2]);
        if (owners.length) {
          groupOwners.set(li.id, owners);
          continue;
        }
      }
      if (checked !== null) {
        // Task lines run together without their bullets ("[ ] A\n[x] B") are tasks of their own.
        const parts = masked.split(/\n(?=[ \t]*\[[ xX]\][ \t])/);
        let at = 0;
        parts.forEach((part, i) => {
          const box = i === 0 ? null : /^([ \t]*)\[([ xX])\][ \t]+/.exec(part);
          const body = box ? ' '.repeat(box[0].length) + part.slice(box[0].length) : part;
          addItem(block.start + at, body, 'task', box ? box[2] !== ' ' : checked, inherited);
          at += part.length + 1;
        });
      } else if (marker) addItem(block.start, ' '.repeat(marker[1].length) + masked.slice(marker[1].length), 'marker', false, inherited);
      else if (inNextSteps && !spoken(masked) && owned(masked) && !OPTION.test(masked))
        addItem(block.start, masked, 'list', false, inherited);
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
      // "[x] Being worked on…" continuing a task list without its bullet is still a task.
      const box = /^(\s*)\[( |x|X)\]\s+(?=\S)/.exec(line);
      if (box && !li) {
        flushProse(lineStart);
        addItem(block.start + lineStart, ' '.repeat(box[0].length) + line.slice(box[0].length), 'task', box[2] !== ' ', sectionOwners);
        proseFrom = lineStart + line.length + 1;
        lineStart += line.length + 1;
        continue;
      }
      const marker = markerRe.exec(line);
      const underHeading =
        inNextSteps &&
        shortList &&
        !li &&
        !block.context.quote &&
        line.trim() !== '' &&
        !/:\s*$/.test(line) &&
        block.context.label === undefined &&
        !spoken(line) &&
        owned(line) &&
        !(speakerOf(line) && conversation(block)) &&
        // "**Jim Park**" above his items names an owner group; a line of names alone is no item.
        !namesOnly(line);
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
