import { compareDates, type PlainDate, type TimeOfDay } from '../dates/calendar.js';
import type { Vocabulary } from '../vocabulary/types.js';
import type { Block } from './blocks.js';
import { absoluteDateIn, labelledDate } from './meeting-date.js';

/** A dated section of a running log: from its heading to the next dated heading. */
export interface LogSection {
  heading: Extract<Block, { kind: 'heading' }>;
  start: number;
  end: number;
  date: PlainDate;
  time?: TimeOfDay;
  /** Where the date is written in the heading. */
  dateStart: number;
  dateEnd: number;
}

interface DatedHeading {
  block: Extract<Block, { kind: 'heading' }>;
  date: PlainDate;
  time?: TimeOfDay;
  start: number;
  end: number;
}

/**
 * Pass 1: the meetings of a running log (docs/design.md, "Meetings and logs"). A note is a log when two or more headings of
 * the same level carry a full date ("## 2026-11-20 — pricing call", "### Meeting 2026-10-01",
 * "## Tuesday, March 24, 2020"); each such heading opens a section that runs to the next one.
 * A heading that labels the meeting date ("## Date: …") or names a next meeting ("## Next call
 * 2026-12-03") opens no section. Returns [] for a note that is not a log.
 */
export function findLogSections(
  blocks: readonly Block[],
  textLength: number,
  vocabulary: Vocabulary,
  locale: string,
  timezone: string,
): LogSection[] {
  const dated: DatedHeading[] = [];
  for (const block of blocks) {
    if (block.kind !== 'heading' || block.context.listItem || block.context.quote) continue;
    // Most headings hold no digit at all: skip the date search for them.
    if (!/\d{4}/.test(block.text)) continue;
    if (vocabulary.has('nextMeetingLabels', block.text) || labelledDate(block, vocabulary, locale, timezone)) continue;
    const found = absoluteDateIn(block.text, locale, timezone);
    if (found) dated.push({ block, date: found.date, time: found.time, start: block.start + found.start, end: block.start + found.end });
  }
  if (dated.length < 2) return [];
  // The level most dated headings share; a dated title above them is not a section of its own.
  const byDepth = new Map<number, number>();
  for (const d of dated) byDepth.set(d.block.depth, (byDepth.get(d.block.depth) ?? 0) + 1);
  const [depth, count] = [...byDepth].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (count < 2) return [];
  const heads = dated.filter((d) => d.block.depth === depth);
  return heads.map((d, i) => ({
    heading: d.block,
    start: d.block.start,
    end: i + 1 < heads.length ? heads[i + 1].block.start : textLength,
    date: d.date,
    time: d.time,
    dateStart: d.start,
    dateEnd: d.end,
  }));
}

/** The index of the latest section by date (then time); the first one on a tie. */
export function latestSection(sections: readonly LogSection[]): number {
  let best = 0;
  sections.forEach((s, i) => {
    const b = sections[best];
    const c = compareDates(s.date, b.date);
    const later =
      c > 0 || (c === 0 && (s.time?.hour ?? -1) * 60 + (s.time?.minute ?? 0) > (b.time?.hour ?? -1) * 60 + (b.time?.minute ?? 0));
    if (later) best = i;
  });
  return best;
}
