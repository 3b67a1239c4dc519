import type { PhraseMatch, Vocabulary } from '../vocabulary/types.js';

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
function currentMeeting(text: string, cue: PhraseMatch, vocabulary: Vocabulary): boolean {
  const before = vocabulary.memo('currentMeetingBefore', () => new RegExp(`(?:^|[^\\p{L}'’])(?:${vocabulary.source('currentMeetingWords')})\\s+(?:[\\p{L}-]+\\s+)?$`, 'iu'));
  return before.test(text.slice(Math.max(0, cue.start - 40), cue.start));
}

/** Where a text names a meeting the client attends (SPEC 1.3.1), or undefined. */
export function eventCue(text: string, vocabulary: Vocabulary, owned: boolean): { start: number; end: number } | undefined {
  // Most sentences name no meeting at all: one test before the detailed search.
  const any = vocabulary.memo(
    'anyMeetingWord',
    () => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${['meetingNouns', 'schedulingVerbs', 'weakMeetingNouns'].map((c) => vocabulary.source(c)).join('|')})(?![\\p{L}\\p{N}_])`, 'iu'),
  );
  if (!any.test(text)) return undefined;
  const compounds = vocabulary.memo('meetingCompoundAfter', () => new RegExp(`^\\s+(?:${vocabulary.source('meetingNounCompounds')})(?![\\p{L}])`, 'iu'));
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
