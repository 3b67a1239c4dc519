import type { LogSection } from './sections.js';
import { latestSection } from './sections.js';
import type { Heading, Meeting, MeetingInfo } from './types.js';

export type LogsSetting = 'latest' | 'all';

/**
 * Pass 3: the meetings the note records, each with its own date. A plain note is one meeting with
 * the note's date; a log is one meeting per dated section, the latest judged (or every one with
 * `logs: "all"`).
 */
export function meetingsOf(sections: readonly LogSection[], noteMeeting: MeetingInfo, textLength: number, logs: LogsSetting): Meeting[] {
  const shell = (index: number, start: number, end: number, info: MeetingInfo, latest: boolean, heading?: Heading): Meeting => ({
    index,
    start,
    end,
    heading,
    info,
    latest,
    judged: latest || logs === 'all',
    transcript: false,
    sentences: [],
    actionItems: [],
    events: [],
  });
  if (sections.length === 0) return [shell(0, 0, textLength, noteMeeting, true)];
  const latest = latestSection(sections);
  return sections.map((s, i) =>
    shell(
      i,
      s.start,
      s.end,
      { date: s.date, time: s.time, source: 'heading', start: s.dateStart, end: s.dateEnd, timezone: noteMeeting.timezone },
      i === latest,
      { depth: s.heading.depth, text: s.heading.text.trim(), start: s.heading.start, end: s.heading.end, nextSteps: false },
    ),
  );
}

/** The meeting an offset belongs to: its section, or the latest meeting for text before the first section. */
export function meetingAt(meetings: readonly Meeting[], offset: number): Meeting {
  // Meetings are in text order: the last one starting at or before the offset (a binary search, as a
  // long running log has hundreds of meetings and every sentence asks).
  let low = 0;
  let high = meetings.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (meetings[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found >= 0) return meetings[found];
  return meetings.find((m) => m.latest) ?? meetings[0];
}
