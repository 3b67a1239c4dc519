import { isValidDate, type PlainDate, type TimeOfDay } from '../dates/calendar.js';
import { findDates } from '../dates/find-dates.js';
import type { FrontMatter } from '../parse/front-matter.js';
import type { Vocabulary } from '../vocabulary/types.js';
import type { Block } from './blocks.js';
import { str } from './note-facts.js';
import type { MeetingInfo } from './types.js';

export interface FoundDate {
  date: PlainDate;
  time?: TimeOfDay;
  /** Offsets into the searched string. */
  start: number;
  end: number;
}

/** A full calendar date (with a year) in a short text such as "2026-11-20 10:00" or "Sept 22, 2026". */
export function absoluteDateIn(text: string, locale: string, timezone: string): FoundDate | undefined {
  const iso = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?/.exec(text);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (isValidDate(y, mo, d)) {
      const time = iso[4] !== undefined ? { hour: Number(iso[4]), minute: Number(iso[5]) } : undefined;
      return { date: { year: y, month: mo, day: d }, time, start: iso.index, end: iso.index + iso[0].length };
    }
  }
  if (!/\d{4}/.test(text)) return undefined;
  // Only a date written with its year: "Q3 2026 planning, Sept 5" names no full date.
  const found = findDates(text.slice(0, 300), { timezone, locale }).find((m) => m.kind === 'concrete' && m.date && /\d{4}/.test(m.text));
  return found?.date ? { date: found.date, time: found.time, start: found.start, end: found.end } : undefined;
}

/** A date written in a file name: 2026-11-20-acme.md, acme_2026-11-20.md, 20261120-acme.md, 2026_11_20.md. */
export function dateInFileName(path: string): PlainDate | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const patterns = [/(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/, /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/];
  for (const re of patterns) {
    const m = re.exec(name);
    if (m && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    }
  }
  return undefined;
}

/** "Date: …", "**Meeting Date/Time:** …", "## Date: …": the label's date, with its offsets in the note. */
export function labelledDate(block: Block, vocabulary: Vocabulary, locale: string, timezone: string): FoundDate | undefined {
  if (block.kind === 'table') return undefined;
  const labels = vocabulary.words('meetingDateLabels');
  let offset = block.start;
  for (const line of block.text.split('\n')) {
    const m = /^(?=(\s*))\1([^:\n]{1,24}?)\s*:\s*(.+)$/.exec(line);
    if (m && labels.includes(m[2].toLowerCase().replace(/\s+/g, ' '))) {
      const found = absoluteDateIn(m[3], locale, timezone);
      const at = offset + line.indexOf(m[3]);
      if (found) return { ...found, start: at + found.start, end: at + found.end };
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** Blocks near the top of a note where a meeting date label or a dated title may stand. */
const TOP_BLOCKS = 12;

/**
 * Pass 3: the note's meeting date (docs/design.md, "The Note model"): front matter `date` (or `meeting_date`, `when`);
 * else a labelled line or heading near the top; else a full date in the first heading; else the
 * file name. A labelled date beats one in the title.
 */
export function findMeetingDate(
  frontMatter: FrontMatter | undefined,
  blocks: readonly Block[],
  options: { path?: string; locale: string; vocabulary: Vocabulary },
  timezone: string,
): Omit<MeetingInfo, 'timezone'> {
  const data = frontMatter?.data ?? {};
  for (const key of ['date', 'meeting_date', 'meeting-date', 'when']) {
    const value = str(data[key]);
    if (!value) continue;
    const found = absoluteDateIn(value, options.locale, timezone);
    const r = frontMatter?.keyRanges.get(key);
    if (found) return { date: found.date, time: found.time, source: 'front-matter', start: r?.start, end: r?.end };
  }
  for (const block of blocks.slice(0, TOP_BLOCKS)) {
    const found = labelledDate(block, options.vocabulary, options.locale, timezone);
    if (found) return { date: found.date, time: found.time, source: 'label', start: found.start, end: found.end };
  }
  const title = blocks.find((b) => b.kind === 'heading');
  if (title && title.kind === 'heading' && blocks.indexOf(title) < 5) {
    const found = absoluteDateIn(title.text, options.locale, timezone);
    if (found)
      return { date: found.date, time: found.time, source: 'title', start: title.start + found.start, end: title.start + found.end };
  }
  const fromName = options.path ? dateInFileName(options.path) : undefined;
  if (fromName) return { date: fromName, source: 'file-name' };
  return { source: 'none' };
}
