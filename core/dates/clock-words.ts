/**
 * Times of day written with clock words, which chrono-node misses or misreads: "half past 3pm",
 * "a quarter to 4", "twenty after 3pm", "half three", "3 oclock am", "3p", "3:15p", "3 in the
 * morning", "at 8 in the evening", "ten thirty am", "at three twenty", "at 3 15", "at 1030",
 * "8 tonight" (the hour; "tonight" is read as the day). The words are vocabulary (dates.json,
 * "clock"); am/pm comes from what is written, else from the part of the day, else business hours.
 */
import type { Candidate } from './candidate.js';
import { VOCABULARY, literalAlternation, type PartOfDay } from './date-vocabulary.js';
import { settleTime } from './time-of-day.js';
import { before, matches } from './text-spans.js';
import { triggersOf, type Triggers } from './triggers.js';

const CLOCK = VOCABULARY.clock;
const HOUR_WORDS = new Map(Object.entries(CLOCK.hourWords));
const MINUTE_WORDS = new Map(Object.entries(CLOCK.minuteWords));
const MINUTE_UNITS = new Map(Object.entries(CLOCK.minuteUnits));
const FRACTIONS = new Map(Object.entries(CLOCK.fractions));
const MERIDIEM = new Map(Object.entries(CLOCK.meridiem));
const PARTS = new Map(Object.entries(CLOCK.partsOfDay));

const alt = (words: Iterable<string>) => literalAlternation(words);
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

const HOUR = `(\\d{1,2}|${alt(HOUR_WORDS.keys())}|noon|midnight|midday)`;
const MINUTE_WORD = `(?:${alt(MINUTE_WORDS.keys())})(?:[-\\s](?:${alt(MINUTE_UNITS.keys())}))?`;
const OCLOCK = `(?:\\s*(?:${alt(CLOCK.oclock)}))`;
/** am/pm after a number: "pm", "p.m.", "p m"; or a bare "a"/"p" stuck to the digits ("3p"). */
const MER = `(${alt(MERIDIEM.keys())})(?![A-Za-z])`;
const PART = `(${alt(PARTS.keys())})${E}`;
const ISH = `(?:\\s*-?ish)?`;
/** What is said after the hour: am/pm, or a part of the day. Groups: meridiem, part. */
const SAID = `(?:${ISH}\\s*${MER}|\\s+${PART})?`;
const BEFORE = `(?:(${alt(CLOCK.timeBefore)})\\s+)?`;
const PAST = alt(CLOCK.past);
const TO = alt(CLOCK.to);

/** "past"/"to" and the hour after it; the minutes before are read by MINUTES_BEFORE. Groups: 1 past/to, 2 hour, 3 meridiem, 4 part. */
const PAST_TO = new RegExp(`\\s(${PAST}|${TO})\\s+${HOUR}${OCLOCK}?${SAID}${E}`, 'gi');
/** "(at) a quarter", "twenty", "10 minutes" just before "past"/"to". Groups: 1 before, 2 fraction, 3 minutes. */
const MINUTES_BEFORE = new RegExp(`${B}${BEFORE}(?:(${alt(FRACTIONS.keys())})|(\\d{1,2}|${MINUTE_WORD}))(?:\\s+minutes?)?$`, 'i');
/** British "half three" (3:30). Groups: 1 before, 2 hour, 3 meridiem, 4 part. */
const HALF_HOUR = new RegExp(`${B}${BEFORE}half\\s+(\\d{1,2}|${alt(HOUR_WORDS.keys())})${SAID}${E}`, 'gi');
/** "3 o'clock", "three oclock pm". Groups: 1 before, 2 hour, 3 meridiem, 4 part. */
const OCLOCK_TIME = new RegExp(`${B}${BEFORE}(\\d{1,2}|${alt(HOUR_WORDS.keys())})${OCLOCK}${SAID}${E}`, 'gi');
/** "3p", "3:15p", "at 9a": groups 1 "at", 2 hour, 3 minutes, 4 letter. */
const LETTER = new RegExp(`${B}(?:(at|@)\\s*)?(\\d{1,2})(?::(\\d\\d))?([apAP])(?![A-Za-z0-9])`, 'g');
/** "3 in the morning", "3:20 in afternoon", "3ish pm", "8 tonight". Groups: 1 before, 2 hour, 3 minutes, 4 meridiem, 5 part. */
const NUMBER_SAID = new RegExp(`${B}${BEFORE}(\\d{1,2})(?:[:.]?(\\d\\d))?(?:\\s*-?ish\\s*${MER}|\\s+${PART})`, 'gi');
/** "ten thirty am", "nine fifty nine a m", "eight tonight". Groups: 1 before, 2 hour, 3 minutes, 4 o'clock, 5 meridiem, 6 part. */
const WORD_SAID = new RegExp(
  `${B}${BEFORE}(${alt(HOUR_WORDS.keys())})(?:\\s+(${MINUTE_WORD}))?(${OCLOCK})?(?:${ISH}\\s*${MER}|\\s+${PART})`,
  'gi',
);
/** "at three", "at three twenty" (with WORD_FOLLOW_OK). Groups: 1 before, 2 hour, 3 minutes. */
const AT_WORD = new RegExp(`${B}(at|@)\\s+(${alt(HOUR_WORDS.keys())})(?:\\s+(${MINUTE_WORD}))?${E}`, 'gi');
/** "at 3 15", "at 1030", "around 1030", "at 150ish". Groups: 1 before, 2 hour, 3 minutes, 4 hhmm. */
const AT_DIGITS = new RegExp(`${B}(at|@)\\s+(?:(\\d{1,2})\\s+(\\d\\d)|(\\d{3,4}))(?:\\s*-?ish)?(?![\\w:-]|[.,]\\d|\\s*%)`, 'gi');

/** Cheap tests that each form could be in a text at all (most texts hold none). */
const HOUR_WORD_GATE = new RegExp(`\\b(?:${alt(HOUR_WORDS.keys())})\\b`, 'i');
const GATES = {
  pastTo: /\s(?:past|after|to|till?|before)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|mid)/i,
  half: /half\s/i,
  oclock: /clock/i,
  letter: /\d[apAP](?![A-Za-z0-9])/,
  numberSaid: /\d\s*-?ish|\d\s+(?:in\s|at\s+night|tonight|this\s+evening|tomorrow\s+(?:evening|night))/i,
  wordSaid:
    /[ap]\.?\s?m\b|\bin\s+(?:the\s+)?(?:morning|afternoon|evening|early)|at\s+night|tonight|this\s+evening|tomorrow\s+(?:evening|night)/i,
  atWord: /(?:at|@|around|about|by)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i,
  atDigits: /(?:at|@|around|about|by)\s+\d/i,
  rangeStart: /(?:between|from)\s+\d/i,
};

/** "between 2 and 4pm": the bare start of a range whose end is a clock time (weak: it counts only joined to it). */
const RANGE_START = new RegExp(
  `${B}(?:between|from)\\s+(\\d{1,2})(?::(\\d\\d))?(?=\\s*(?:and|&|-|–|to|till|until)\\s*\\d{1,2}(?::\\d\\d)?\\s*(?:${alt(MERIDIEM.keys())}|[ap])(?![A-Za-z]))`,
  'gi',
);
/** What may follow a time that only its "at" made one ("at three", "at 1030"): not a noun ("at one point"). */
const FOLLOW_OK = new RegExp(
  `^(?:\\s*$|\\s*[.,;:!?)\\]]|\\s*[-–—]|\\s+(?:on|tomorrow|today|tonight|this|next|and|or|to|till|until|for|with|sharp|${alt(VOCABULARY.timeZones)}|${alt(MERIDIEM.keys())}|in\\s+the)${E})`,
  'i',
);
/** What may follow a time written in words after "at" ("at three"): the end of a clause, a day, a zone — not "to 200". */
const WORD_FOLLOW_OK = new RegExp(
  `^(?:\\s*$|\\s*[.,;:!?)\\]]|\\s+(?:on|tomorrow|today|tonight|this|next|sharp|${alt(VOCABULARY.timeZones)}|${alt(MERIDIEM.keys())}|in\\s+the)${E})`,
  'i',
);
const ZONE_AFTER = new RegExp(`^\\s*(?:${alt(VOCABULARY.timeZones)}|h|hrs)${E}`, 'i');
/** A part of the day written just before the time: "in the evening at eight". */
const PART_BEFORE = /(?:^|\s)(in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\s+(?:at\s+|@\s*)?$/i;
/** The parts of the day that are days too ("tonight", "tomorrow morning"): read as the day, not the time. */
const DAY_PARTS = /^(?:tonight|this\s|tomorrow\s)/i;
/** The day parts a bare hour may stand before: "8 tonight", "8 this evening". */
const EVENING_DAY_PARTS = /^(?:tonight|this\s+evening|tomorrow\s+(?:evening|night))$/i;
/** Time context before a bare "9a" or "3P". */
const LETTER_CONTEXT = /(?:^|[^A-Za-z])(?:at|@|by|from|until|till|to|between|and)\s*$|\d(?:[ap]m?)?\s*[-–—]\s*$/i;

function hourValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'noon' || w === 'midday') return 12;
  if (w === 'midnight') return 0;
  return HOUR_WORDS.get(w);
}

function minuteValue(word: string): number | undefined {
  const w = word.toLowerCase().trim();
  if (/^\d+$/.test(w)) return Number(w);
  const parts = /^(.*?)(?:[-\s]+([a-z]+))?$/.exec(w.replace(/\s+/g, ' '));
  const whole = MINUTE_WORDS.get(w.replace(/\s+/g, ' '));
  if (whole !== undefined) return whole;
  if (!parts) return undefined;
  const tens = MINUTE_WORDS.get(parts[1]);
  const unit = parts[2] !== undefined ? MINUTE_UNITS.get(parts[2]) : 0;
  if (tens === undefined || unit === undefined || (unit > 0 && tens % 10 !== 0)) return undefined;
  return tens + unit;
}

function saidOf(meridiem: string | undefined, part: string | undefined): PartOfDay | undefined {
  if (meridiem) return MERIDIEM.get(meridiem.toLowerCase().replace(/\s+/g, ' '));
  if (part) return PARTS.get(part.toLowerCase().replace(/\s+/g, ' '));
  return undefined;
}

interface Found {
  start: number;
  end: number;
  hour: number;
  minute: number;
  said?: PartOfDay;
  /** The part of the day is a day too ("8 tonight"): the time ends before it and counts only with it. */
  dayPart?: string;
  /** A time only beside a day ("at three" in "Friday at three"). */
  weak?: boolean;
}

/** The clock-word times of `prepared` (see the module comment). */
export function clockWordCandidates(
  prepared: string,
  chronoSawAny = true,
  triggers: Readonly<Triggers> = triggersOf(prepared, true),
): Candidate[] {
  if (!triggers.clockWords && !triggers.digitTimes && !chronoSawAny) return [];
  const found: Found[] = [];
  /** A time from `start` to `end`; `at` is the word before it ("at", "by"), `part` the part of day said after it. */
  const add = (
    start: number,
    end: number,
    hour: number | undefined,
    minute: number | undefined,
    said: PartOfDay | undefined,
    at?: string,
    part?: string,
    weak = false,
  ) => {
    if (hour === undefined || minute === undefined) return;
    let dayPart: string | undefined;
    if (part && DAY_PARTS.test(part)) {
      // a count before a day ("send 3 tomorrow morning") is no time: only "at 8 tomorrow morning", "8 tonight"
      if (!at && !EVENING_DAY_PARTS.test(part)) return;
      // "8 tonight": the time is "8"; "tonight" stays a day of its own, joined to it later
      end = start + prepared.slice(start, end).toLowerCase().lastIndexOf(part.toLowerCase());
      while (end > start && /\s/.test(prepared[end - 1])) end--;
      dayPart = part;
    }
    const preText = before(prepared, start, 30);
    const pre = PART_BEFORE.exec(preText);
    let saidHere = said;
    if (pre && !saidHere) {
      saidHere = saidOf(undefined, pre[1]);
      start = start - preText.length + pre.index + (pre[0].length - pre[0].trimStart().length);
    }
    found.push({ start, end, hour, minute, said: saidHere, dayPart, weak: weak && !saidHere });
  };
  const endOf = (m: RegExpExecArray) => m.index + m[0].length;
  const followOk = (at: number) => FOLLOW_OK.test(prepared.slice(at, at + 12));

  if ((chronoSawAny || triggers.clockWords) && GATES.pastTo.test(prepared)) {
    for (const m of matches(PAST_TO, prepared)) {
      const pre = before(prepared, m.index, 40);
      const mm = MINUTES_BEFORE.exec(pre);
      if (!mm) continue;
      const start = m.index - (pre.length - mm.index);
      const fraction = mm[2] ? FRACTIONS.get(mm[2].toLowerCase().replace(/\s+/g, ' ')) : undefined;
      const minutes = fraction ?? minuteValue(mm[3] ?? '');
      const hour = hourValue(m[2]);
      if (minutes === undefined || hour === undefined || minutes < 1 || minutes > 59 || hour > 12) continue;
      const toward = new RegExp(`^(?:${TO})$`, 'i').test(m[1]);
      if (toward && fraction === 30) continue; // "half to": no such time
      const said = saidOf(m[3], m[4]);
      const noonWord = /^(?:noon|midday|midnight)$/i.test(m[2]);
      const anchored = !!mm[1] || !!said || fraction !== undefined || noonWord || /o['’]?\s?clock/i.test(m[0]);
      if (!anchored && !followOk(endOf(m))) continue;
      // "from 3 to 4", "about 1 to 5 kilobytes": a range, not 3:57 or 4:59 — unless "at 10 to 4 pm", "10 minutes to 4"
      if (
        !fraction &&
        !noonWord &&
        /^\d/.test(mm[3] ?? '') &&
        toward &&
        !(/^(?:at|@)$/i.test(mm[1] ?? '') && (said || followOk(endOf(m)))) &&
        !/minute/i.test(mm[0])
      )
        continue;
      let h = hour === 0 ? 24 : hour;
      let min = minutes;
      if (toward) {
        h -= 1;
        min = 60 - minutes;
      }
      add(start, endOf(m), h === 24 ? 0 : h, min, said, mm[1], m[4]);
    }
  }
  if (triggers.clockWords && GATES.half.test(prepared)) {
    for (const m of matches(HALF_HOUR, prepared)) {
      const said = saidOf(m[3], m[4]);
      if (!said && !m[1] && !followOk(endOf(m))) continue;
      const hour = hourValue(m[2]);
      if (hour === undefined || hour < 1 || hour > 12) continue;
      add(m.index, endOf(m), hour, 30, said, m[1], m[4]);
    }
  }
  if (triggers.clockWords && GATES.oclock.test(prepared)) {
    for (const m of matches(OCLOCK_TIME, prepared)) {
      const hour = hourValue(m[2]);
      if (hour === undefined || hour < 1 || hour > 12) continue;
      add(m.index, endOf(m), hour, 0, saidOf(m[3], m[4]), m[1], m[4]);
    }
  }
  if (triggers.digitTimes && GATES.letter.test(prepared)) {
    for (const m of matches(LETTER, prepared)) {
      const hour = Number(m[2]);
      const minutes = m[3] !== undefined ? Number(m[3]) : 0;
      if (hour < 1 || hour > 12) continue;
      // "3:15p", "at 9a", "3p"; not "3P" (a third party), "9P protocol", "step 2a" nor "a 2p coin"
      const upper = m[4] !== m[4].toLowerCase();
      if (m[3] === undefined && !m[1]) {
        if (upper) continue;
        if (!LETTER_CONTEXT.test(before(prepared, m.index, 12))) {
          if (m[4] !== 'p' || !followOk(endOf(m)) || /\b(?:a|an|the)\s+$/i.test(before(prepared, m.index, 8))) continue;
        }
      }
      add(m.index, endOf(m), hour, minutes, m[4].toLowerCase() === 'a' ? 'am' : 'pm');
    }
  }
  if (triggers.digitTimes && GATES.numberSaid.test(prepared)) {
    for (const m of matches(NUMBER_SAID, prepared)) {
      const hour = Number(m[2]);
      const minutes = m[3] !== undefined ? Number(m[3]) : 0;
      if (hour > 23) continue;
      // "issue 618 in the PM repo": a number, not 6:18 — "at 730 in the evening" is a time
      if (m[3] !== undefined && !/[:.]/.test(m[0]) && !m[1]) continue;
      if (m[5] && /^in\s+the\s+[ap]/i.test(m[5]) && !followOk(endOf(m))) continue;
      add(m.index, endOf(m), hour, minutes, saidOf(m[4], m[5]), m[1], m[5]);
    }
  }
  const hourWords = triggers.clockWords && HOUR_WORD_GATE.test(prepared);
  if (hourWords && GATES.wordSaid.test(prepared)) {
    for (const m of matches(WORD_SAID, prepared)) {
      const hour = hourValue(m[2]);
      const minutes = m[3] ? minuteValue(m[3]) : 0;
      if (hour === undefined || minutes === undefined || hour < 1 || hour > 12) continue;
      add(m.index, endOf(m), hour, minutes, saidOf(m[5], m[6]), m[1], m[6]);
    }
  }
  if (hourWords && GATES.atWord.test(prepared)) {
    for (const m of matches(AT_WORD, prepared)) {
      if (!WORD_FOLLOW_OK.test(prepared.slice(endOf(m), endOf(m) + 12))) continue; // "at one point", "at three locations"
      const hour = hourValue(m[2]);
      const minutes = m[3] ? minuteValue(m[3]) : 0;
      if (hour === undefined || minutes === undefined || hour < 1 || hour > 12) continue;
      // "at three" alone counts only beside a day ("Friday at three"), not in "looking at one."
      add(m.index, endOf(m), hour, minutes, undefined, m[1], undefined, !m[3]);
    }
  }
  if (triggers.digitTimes && GATES.atDigits.test(prepared)) {
    for (const m of matches(AT_DIGITS, prepared)) {
      // "at 1030.", "at 3 15 tomorrow" — not "at 700,000", "at 1559 and …", "at 20 30 or 40"
      if (!WORD_FOLLOW_OK.test(prepared.slice(endOf(m), endOf(m) + 12))) continue;
      if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 12)) continue;
      let hour: number;
      let minutes: number;
      let weakHere = false;
      if (m[4] !== undefined) {
        // "by 2027", "at 2026 prices": a year, unless a time zone or "h" follows ("at 1930 UTC")
        if (/^(?:19|20)\d\d$/.test(m[4]) && !ZONE_AFTER.test(prepared.slice(endOf(m), endOf(m) + 8))) continue;
        hour = Math.floor(Number(m[4]) / 100);
        minutes = Number(m[4]) % 100;
        weakHere = m[4].length === 3; // "at 256." is a number as often as 2:56
      } else {
        hour = Number(m[2]);
        minutes = Number(m[3]);
      }
      if (hour > 23 || minutes > 59) continue;
      add(m.index, endOf(m), hour, minutes, undefined, m[1], undefined, weakHere);
    }
  }
  if (chronoSawAny && GATES.rangeStart.test(prepared)) {
    for (const m of matches(RANGE_START, prepared)) {
      const hour = Number(m[1]);
      if (hour < 1 || hour > 12) continue;
      const start = endOf(m) - m[1].length - (m[2] !== undefined ? m[2].length + 1 : 0);
      found.push({ start, end: endOf(m), hour, minute: m[2] !== undefined ? Number(m[2]) : 0, dayPart: 'range' });
    }
  }

  const out: Candidate[] = [];
  for (const f of found) {
    const settled = settleTime(f.hour, f.minute, f.said);
    if (!settled || f.end <= f.start) continue;
    out.push({
      start: f.start,
      end: f.end,
      kind: 'time',
      fromChrono: false,
      time: settled.time,
      bareHour: settled.bareHour,
      // "8 tonight", "between 2 and …": a time only with the day or the end beside it
      weak: f.dayPart !== undefined || f.weak ? true : undefined,
    });
  }
  return out;
}
