import type { Vocabulary } from '../vocabulary/types.js';

/** Where a text names a meeting the client attends (SPEC 1.3.1), or undefined. */
export function eventCue(text: string, vocabulary: Vocabulary, owned: boolean): { start: number; end: number } | undefined {
  if (vocabulary.has('clientOnlyMeetings', text) && !vocabulary.has('clientOnlyOverrides', text)) return undefined;
  const compounds = vocabulary.memo('meetingCompoundAfter', () => new RegExp(`^\\s+(?:${vocabulary.source('meetingNounCompounds')})(?![\\p{L}])`, 'iu'));
  const strong = [...vocabulary.find('meetingNouns', text), ...vocabulary.find('schedulingVerbs', text)].filter(
    (m) => !compounds.test(text.slice(m.end)),
  );
  if (strong.length) return strong.sort((a, b) => a.start - b.start)[0];
  // "review", "visit", "lunch"…: a meeting only as a noun ("architecture review", "a site visit"),
  // and, in an item someone owns, only when the client joins in ("lunch with Mary").
  const weak = vocabulary.find('weakMeetingNouns', text).filter((m) => {
    if (compounds.test(text.slice(m.end))) return false;
    const before = text.slice(0, m.start).trimEnd();
    return before !== '' && !/(?:^|[\s:])(?:to|will|'ll|’ll|and|please)$|[:;,(]$/i.test(before);
  });
  if (weak.length === 0) return undefined;
  if (owned && !vocabulary.has('jointCues', text)) return undefined;
  return weak[0];
}
