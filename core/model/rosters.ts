import type { Vocabulary } from '../vocabulary/types.js';
import type { Block } from './blocks.js';
import { speakerLabel } from './speech.js';
import type { Owner, Person, Side } from './types.js';

/** "Kim Lee (IT)", "@kim", "Kim Lee <kim@acme.com>", "Kim Lee (@kimlee)" → a person of one side. */
export function personFrom(entry: string, side: Person['side']): Person | undefined {
  const handles: string[] = [];
  let name = entry.replace(/<([^>]*)>/g, (_, email: string) => {
    handles.push(email.trim().toLowerCase());
    return ' ';
  });
  name = name.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    for (const h of inner.match(/@[\p{L}\p{N}_.-]+/gu) ?? []) handles.push(h.slice(1).toLowerCase());
    return ' ';
  });
  for (const h of name.match(/(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_.-]+/gu) ?? []) handles.push(h.slice(1).toLowerCase());
  name = name
    .replace(/(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_.-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!name && handles.length === 0) return undefined;
  return { name: name || handles[0], handles, side };
}

/** Entries of a front matter value or a labelled line: a list, or a comma/semicolon/"and"-separated string. */
export function rosterEntries(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v)] : []));
  if (typeof value === 'string') return value.split(/\s*(?:[,;]|\s&\s|\band\b)\s*/).filter((s) => s.trim() !== '');
  return [];
}

export interface RosterIndex {
  seller: Person[];
  buyer: Person[];
  attendees: Person[];
  account?: string;
  /** Config roster: names and @handles of the team, and email domains such as "@oursales.com". */
  sellerDomains: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();

function matchesPerson(p: Person, who: string): boolean {
  const name = norm(p.name);
  const first = name.split(' ')[0];
  const compact = name.replace(/[\s.'-]/g, '');
  const w = who.startsWith('@') ? who.slice(1) : who;
  if (w === name || w === first || p.handles.includes(w)) return true;
  if (who.startsWith('@')) return w.replace(/[._-]/g, '') === compact || w === first;
  return false;
}

/** Finds the person a name or @handle means, across both sides and the attendee list. */
export function findPerson(index: RosterIndex, who: string): Person | undefined {
  const w = norm(who).replace(/'s$/, '');
  // Most words name no one: a lookup of every full name, first name and handle answers before the scan.
  if (!lookupOf(index).has(w.startsWith('@') ? w.slice(1) : w) && !w.startsWith('@')) return undefined;
  return (
    index.seller.find((p) => matchesPerson(p, w)) ??
    index.buyer.find((p) => matchesPerson(p, w)) ??
    index.attendees.find((p) => matchesPerson(p, w))
  );
}

const lookups = new WeakMap<RosterIndex, { size: number; words: Set<string> }>();

function lookupOf(index: RosterIndex): Set<string> {
  const size = index.seller.length + index.buyer.length + index.attendees.length;
  const cached = lookups.get(index);
  if (cached && cached.size === size) return cached.words;
  const words = new Set<string>();
  for (const p of [...index.seller, ...index.buyer, ...index.attendees]) {
    const name = norm(p.name);
    words.add(name);
    words.add(name.split(' ')[0]);
    for (const h of p.handles) words.add(h);
  }
  lookups.set(index, { size, words });
  return words;
}

/** The side an owner's words name (docs/design.md, "Sides and owners"), or undefined when they name no one. */
export function ownerFrom(index: RosterIndex, vocabulary: Vocabulary, raw: string, nameLike: (s: string) => boolean): Owner | undefined {
  const text = raw
    .trim()
    .replace(/^[("'“]+|[)"'”.,;]+$/g, '')
    .trim();
  if (!text) return undefined;
  const lower = norm(text);
  const inList = (category: string) =>
    vocabulary.memo(`normalized:${category}`, () => new Set(vocabulary.words(category).map(norm))).has(lower);
  if (inList('sellerPronouns')) return { text, side: 'seller' };
  if (inList('jointPronouns')) return { text, side: 'joint' };
  if (inList('buyerPronouns')) return { text, side: 'buyer' };
  if (inList('thirdPersonPronouns')) return { text, side: 'unknown' };
  if (index.account && (lower === norm(index.account) || lower === norm(index.account).split(' ')[0])) {
    return { text, side: 'buyer' };
  }
  const email = /^[\w.+-]+@([\w-]+(?:\.[\w-]+)+)$/.exec(text);
  if (email) {
    const domain = email[1].toLowerCase();
    if (index.sellerDomains.includes(domain)) return { text, side: 'seller' };
  }
  const person = findPerson(index, email ? text.split('@')[0] : text);
  if (person) return { text, side: person.side === 'unknown' ? fallbackSide(index) : person.side, person };
  if (text.startsWith('@') ? /^@[\p{L}\p{N}_.-]+$/u.test(text) : nameLike(text) || email) {
    return { text, side: fallbackSide(index) };
  }
  return undefined;
}

/** A named owner on no roster is the client's when we know who the sellers are (docs/design.md, "Sides and owners"). */
function fallbackSide(index: RosterIndex): Side {
  return index.seller.length > 0 || index.sellerDomains.length > 0 ? 'buyer' : 'unknown';
}

export function combinedSide(owners: readonly Owner[]): Side {
  if (owners.length === 0) return 'unknown';
  const sides = new Set(owners.map((o) => o.side));
  if (sides.has('joint') || (sides.has('seller') && sides.has('buyer'))) return 'joint';
  if (sides.size === 1) return owners[0].side;
  return 'unknown';
}

/** Front matter keys of our side's roster, and of the client's (and `attendees`, which may hold both). */
const SELLER_KEYS = ['seller', 'sellers', 'us', 'team'] as const;
const BUYER_KEYS = ['buyer', 'buyers', 'them', 'client', 'customer', 'prospect'] as const;
export const ROSTER_KEYS: readonly string[] = [...SELLER_KEYS, ...BUYER_KEYS, 'attendees'];

/** Pass 2: the rosters from front matter (seller/buyer and their aliases, attendees) and the config's team. */
export function buildRoster(
  data: Record<string, unknown>,
  configSeller: readonly string[],
  account: string | undefined,
  vocabulary: Vocabulary,
): RosterIndex {
  const attendees = data.attendees;
  const nested = attendees && typeof attendees === 'object' && !Array.isArray(attendees) ? (attendees as Record<string, unknown>) : {};
  const people = (side: Person['side'], ...values: unknown[]) => values.flatMap(rosterEntries).flatMap((e) => personFrom(e, side) ?? []);
  const index: RosterIndex = {
    seller: people('seller', ...SELLER_KEYS.map((k) => data[k]), nested.seller, nested.us),
    buyer: people('buyer', ...BUYER_KEYS.map((k) => data[k]), nested.buyer, nested.them, nested.client, nested.customer),
    attendees: [],
    account,
    sellerDomains: [],
  };
  if (Array.isArray(attendees) || typeof attendees === 'string') {
    for (const entry of rosterEntries(attendees)) index.attendees.push(...sidedPeople(entry, index, vocabulary));
  }
  for (const entry of configSeller) {
    const domain = /^@([\w-]+(?:\.[\w-]+)+)$/.exec(entry.trim());
    if (domain) index.sellerDomains.push(domain[1].toLowerCase());
    else {
      const p = personFrom(entry, 'seller');
      if (p) index.seller.push(p);
    }
  }
  return index;
}

/** "Dana Lee (us)", "Mary Chen (Acme)" in an attendee list: the parenthesis may say the side. */
function sidedPeople(entry: string, index: RosterIndex, vocabulary: Vocabulary): Person[] {
  const paren = /\(([^)]*)\)/.exec(entry)?.[1]?.trim().toLowerCase() ?? '';
  let side: Person['side'] = 'unknown';
  if (paren) {
    const isWord = (cat: string) => vocabulary.words(cat).some((w) => w.toLowerCase() === paren);
    if (isWord('sellerRosterLabels')) side = 'seller';
    else if (isWord('buyerRosterLabels') || (index.account && paren === index.account.toLowerCase())) side = 'buyer';
  }
  const p = personFrom(entry, side);
  return p ? [p] : [];
}

/** Pass 2: the people who speak in a transcript or in minutes ("Lina Haddad: …", "**Tom:** …") are people of the meeting. */
export function readSpeakers(blocks: readonly Block[], index: RosterIndex, vocabulary: Vocabulary): void {
  const seen = new Set<string>();
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    for (const line of block.text.split('\n')) {
      const name = speakerLabel(line, vocabulary);
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      if (findPerson(index, name) || index.account?.toLowerCase() === name.toLowerCase()) continue;
      if (
        vocabulary
          .words('sellerRosterLabels')
          .concat(vocabulary.words('buyerRosterLabels'), vocabulary.words('attendeeLabels'))
          .some((w) => w.toLowerCase() === name.toLowerCase())
      )
        continue;
      const p = personFrom(name, 'unknown');
      if (p) index.attendees.push(p);
    }
  }
}

/**
 * "Label: value" (the label up to 30 characters). `(?=(\s*))\1` takes the indentation whole, as an atomic group
 * would: a line of thousands of spaces is then one try, not one per space.
 */
const LABELLED_LINE = /^(?=(\s*))\1([^:]{1,30}?)\s*:\s*(.+)$/;

/** Pass 2: labelled lines in the body: "**Us:** Dana, Sam", "Customer: Kim Lee (IT)", "Attendees: Dana Lee (us), Mary Chen (Acme)". */
export function readRosterLines(blocks: readonly Block[], index: RosterIndex, vocabulary: Vocabulary): void {
  const is = (cat: string, label: string) => vocabulary.words(cat).some((w) => w.toLowerCase() === label);
  const accountLabel = index.account?.toLowerCase();
  for (const block of blocks.slice(0, 40)) {
    if (block.kind !== 'paragraph') continue;
    const underAttendees = block.context.listItem && block.context.headings.some((h) => is('attendeeLabels', h.toLowerCase()));
    for (const line of block.text.split('\n')) {
      const m = LABELLED_LINE.exec(line);
      const label = m?.[2].toLowerCase();
      const entries = m ? rosterEntries(m[3]) : underAttendees ? [line.trim()] : [];
      if (!entries.length) continue;
      let side: Person['side'] | 'attendees' | undefined;
      if (label && is('sellerRosterLabels', label)) side = 'seller';
      else if (label && (is('buyerRosterLabels', label) || label === accountLabel)) side = 'buyer';
      else if ((label && is('attendeeLabels', label)) || (!m && underAttendees)) side = 'attendees';
      if (!side) continue;
      for (const entry of entries) {
        if (side === 'attendees') {
          for (const p of sidedPeople(entry, index, vocabulary)) {
            (p.side === 'seller' ? index.seller : p.side === 'buyer' ? index.buyer : index.attendees).push(p);
          }
        } else {
          const p = personFrom(entry, side);
          if (p) (side === 'seller' ? index.seller : index.buyer).push(p);
        }
      }
    }
  }
}
