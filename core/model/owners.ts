import type { Vocabulary } from '../vocabulary/types.js';
import { findPerson, ownerFrom, type RosterIndex } from './rosters.js';
import type { Owner } from './types.js';

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.?)$/u;
const CALENDAR_WORDS =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)$|^(?:today|tomorrow|tonight|eod|cob|eow|tbd)$/i;

export interface OwnerReader {
  /** Owners an action item's text names (docs/design.md, "Action items"), in order; empty when it names none. `raw` is its source text, for "**Mary** …". */
  read(text: string, raw?: string): Owner[];
  /** Names, @handles, pronouns or the account in a list such as "Mary & Dana" or an Owner cell. */
  list(text: string): Owner[];
  /** A person on a roster, an @handle, a side's pronoun or the account: not merely a capitalised word. */
  known(owner: Owner): boolean;
}

export function ownerReader(index: RosterIndex, vocabulary: Vocabulary): OwnerReader {
  const labelWords = vocabulary.memo(
    'labelWordSet',
    () => new Set([...vocabulary.words('labelWords'), ...vocabulary.words('functionWords')].map((w) => w.toLowerCase())),
  );

  /** Looks like a person's name, not a label: "Mary", "Jim Park", "J. Smith"; not "Next meeting", "Agenda", "Friday". */
  const nameLike = (s: string): boolean => {
    const words = s.trim().split(/\s+/);
    if (words.length === 0 || words.length > 3) return false;
    if (labelWords.has(s.trim().toLowerCase()) || labelWords.has(words[0].toLowerCase())) return false;
    if (vocabulary.has('meetingNouns', s) || vocabulary.has('weakMeetingNouns', s)) return false;
    return words.every((w) => NAME_WORD.test(w) && !CALENDAR_WORDS.test(w));
  };

  const one = (raw: string) => ownerFrom(index, vocabulary, raw, nameLike);

  /** All parts must name someone, or the phrase is not an owner list (it is a label like "Next meeting"). */
  const list = (text: string): Owner[] => {
    const parts = text
      .split(/\s*(?:&|\+|\/|,|\band\b)\s*/i)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0 || parts.length > 6) return [];
    const owners: Owner[] = [];
    for (const part of parts) {
      const handles = part.match(/^(?:@[\p{L}\p{N}_.-]+\s*)+$/u) ? part.split(/\s+/) : [part];
      for (const h of handles) {
        const owner = one(h);
        if (!owner) return [];
        owners.push(owner);
      }
    }
    return owners;
  };

  const subjectVerb = vocabulary.memo(
    'ownerSubjectVerb',
    () => new RegExp(`^(.{1,60}?)(?:\\s+|(?=['’]))(?:${vocabulary.source('ownerVerbs')})(?![\\p{L}])`, 'iu'),
  );

  const read = (masked: string, raw?: string): Owner[] => {
    const text = masked.replace(/^\s+/, '');
    let m: RegExpExecArray | null;
    if (raw && (m = /^\s*(\*\*|__)([^*_\n]{1,60}?)\1/.exec(raw))) {
      const owners = list(m[2].replace(/[:：]\s*$/, ''));
      if (owners.length) return owners;
    }
    if ((m = /^([^\n]{1,60}?)\s*(?:->|→|=>)\s*\S/.exec(text))) {
      const owners = list(m[1]);
      if (owners.length) return owners;
    }
    if ((m = /^\[([^\]]{1,60})\]/.exec(text))) {
      const owners = list(m[1]);
      if (owners.length) return owners;
    }
    if ((m = /^((?:@[\p{L}\p{N}_.-]+[\s,&/+]*(?:and\s+)?)+)/u.exec(text))) {
      const owners = list(m[1].replace(/[\s,&/+]+(and\s+)?$/, ''));
      if (owners.length) return owners;
    }
    if ((m = /^([^:：\n]{1,60}?)\s*(?:\([^)]*\))?\s*[:：]\s*\S/.exec(text))) {
      const owners = list(m[1]);
      if (owners.length) return owners;
    }
    if ((m = /^([^\n]{1,60}?)\s+[—–-]{1,2}\s+\S/.exec(text))) {
      const owners = list(m[1]);
      if (owners.length) return owners;
    }
    if ((m = subjectVerb.exec(text))) {
      const owners = list(m[1]);
      if (owners.length) return owners;
    }
    if ((m = /\(\s*(?:owner|owners|who|assignee|dri)\s*[:=]\s*([^)]{1,60})\)/i.exec(text))) {
      const owners = list(m[1]);
      if (owners.length) return owners;
    }
    if ((m = /(?:^|\s)(?:owner|owners|assignee|dri)\s*[:：]\s*([^\n.;()]{1,60}?)\s*(?:[.;]|$)/im.exec(text))) {
      const owners = list(m[1]);
      if (owners.length) return owners;
    }
    if ((m = /\s[—–-]{1,2}\s*([^—–\n]{1,40}?)\s*$/.exec(text))) {
      const owners = list(m[1]);
      if (owners.length) return owners;
    }
    if ((m = /\(\s*([^()]{1,40}?)\s*\)\s*[.!]?\s*$/.exec(text))) {
      // A trailing "(Dana)" names an owner only when it is someone we know, not "(finance)".
      const owners = list(m[1]).filter((o) => o.person || o.text.startsWith('@'));
      if (owners.length) return owners;
    }
    if ((m = /^(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s+\p{Ll}/u.exec(text))) {
      // "Mary sends the template": a known person's name followed by a verb.
      const person = findPerson(index, m[1]) ?? findPerson(index, m[1].split(/\s+/)[0]);
      if (person) {
        const owner = one(person === findPerson(index, m[1]) ? m[1] : m[1].split(/\s+/)[0]);
        if (owner) return [owner];
      }
    }
    return [];
  };

  const known = (owner: Owner): boolean =>
    owner.person !== undefined || owner.text.startsWith('@') || ownerFrom(index, vocabulary, owner.text, () => false) !== undefined;

  return { read, list, known };
}
