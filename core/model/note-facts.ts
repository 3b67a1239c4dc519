import { isValidTimeZone } from '../dates/timezone.js';
import type { FrontMatter } from '../parse/front-matter.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { disabledByFrontMatter } from './directives.js';
import type { ModelProblem } from './types.js';

/** What the front matter says about the note as a whole. */
export interface NoteFacts {
  data: Record<string, unknown>;
  type?: string;
  isCustomerMeeting: boolean;
  account?: string;
  timezone: string;
  disabledRules: string[] | 'all';
  problems: ModelProblem[];
}

/** A front matter value as text: strings trimmed, numbers and YAML dates written out. */
export const str = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v.trim() || undefined
    : typeof v === 'number'
      ? String(v)
      : v instanceof Date
        ? v.toISOString().slice(0, 16).replace('T', ' ')
        : undefined;

/** The first of several keys that has a value. */
export const pick = (data: Record<string, unknown>, ...keys: string[]): unknown => {
  for (const k of keys) if (data[k] !== undefined && data[k] !== null) return data[k];
  return undefined;
};

/** Front matter keys that name the account; also what marks a file as a meeting note. */
export const ACCOUNT_KEYS = ['account', 'company', 'customer_name', 'client_name'];

/** Pass 2: type, account, time zone (checked) and disabled rules, from the front matter. */
export function readNoteFacts(frontMatter: FrontMatter | undefined, defaultTimezone: string, vocabulary: Vocabulary): NoteFacts {
  const problems: ModelProblem[] = [];
  if (frontMatter?.error) problems.push({ kind: 'front-matter', ...frontMatter.error });
  const data = frontMatter?.data ?? {};
  const type = str(data.type)?.toLowerCase();
  let timezone = defaultTimezone;
  const tzKey = ['timezone', 'time_zone', 'tz'].find((k) => data[k] !== undefined && data[k] !== null);
  const tzValue = tzKey ? str(data[tzKey]) : undefined;
  if (tzKey && tzValue) {
    if (isValidTimeZone(tzValue)) timezone = tzValue;
    else {
      const r = frontMatter?.keyRanges.get(tzKey);
      problems.push({
        kind: 'timezone',
        message: `Unknown time zone "${tzValue}". Use an IANA name such as America/New_York.`,
        start: r?.start ?? 0,
        end: r?.end ?? 0,
      });
    }
  }
  return {
    data,
    type,
    isCustomerMeeting: type === undefined || vocabulary.words('customerMeetingTypes').includes(type),
    account: str(pick(data, ...ACCOUNT_KEYS)),
    timezone,
    disabledRules: disabledByFrontMatter(data.notelint),
    problems,
  };
}
