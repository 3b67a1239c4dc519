import type { Vocabulary } from '../vocabulary/types.js';

/** "Lina Haddad: …", "**Tom:** …" (blanked to "  Tom:   …"), "Micah [28:09]: …": a line that a person speaks. */
const SPEAKER = /^(?=(\s*))\1([^:\n\d]{1,40}?)\s*(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?[:：]\s+\S/u;

const NAME_PART = /^(?:\p{Lu}[\p{L}'’.-]*|@[\p{L}\p{N}_.-]+)$/u;

/** The speaker's name written at the start of a line, if the line is speech: one to three capitalised words or an @handle. */
export function speakerLabel(line: string, vocabulary: Vocabulary): string | undefined {
  if (!line.includes(':') && !line.includes('：')) return undefined;
  const m = SPEAKER.exec(line);
  if (!m) return undefined;
  const name = m[2].trim();
  const words = name.split(/\s+/);
  if (words.length > 3 || !words.every((w) => NAME_PART.test(w))) return undefined;
  const notNames = vocabulary.memo(
    'notNameWords',
    () => new Set([...vocabulary.words('labelWords'), ...vocabulary.words('functionWords')].map((w) => w.toLowerCase())),
  );
  if (notNames.has(name.toLowerCase()) || notNames.has(words[0].toLowerCase())) return undefined;
  return name;
}

/** Where the words of a speech line start, after "Name:". */
export function speechStart(line: string): number {
  const m = SPEAKER.exec(line);
  return m ? m[0].length - 1 : 0;
}
