/**
 * Which way round a locale writes numeric dates: "01/12" is 12 January in en-US and 1 December in en-GB.
 *
 * Decision: month-first for en-US and the English locales that follow US usage — including en-CA,
 * where business software and most people write 12/01 as December 1 (the ISO 2026-12-01 form, also
 * common in Canada, is unambiguous anyway); for an unknown or region-less "en" (the configured default
 * is en-US); and for Japanese, Chinese, Korean and Hungarian, which write month before day.
 * Day-first for every other English locale (en-GB, en-AU, en-IE, en-NZ, en-IN, en-ZA, en-SG, …) and
 * every other language.
 */

const MONTH_FIRST_ENGLISH_REGIONS = new Set(['US', 'CA', 'PH', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI', 'FM', 'MH', 'PW']);
const MONTH_FIRST_LANGUAGES = new Set(['ja', 'zh', 'ko', 'hu']);

export function isDayFirstLocale(locale: string | undefined): boolean {
  if (typeof locale !== 'string') return false;
  const m = /^([a-z]{2,3})(?:[-_](?:[a-z]{4}[-_])?([a-z]{2}|\d{3}))?(?![a-z])/i.exec(locale.trim());
  if (!m) return false;
  const language = m[1].toLowerCase();
  const region = m[2]?.toUpperCase();
  if (language === 'en') return region !== undefined && !MONTH_FIRST_ENGLISH_REGIONS.has(region);
  return !MONTH_FIRST_LANGUAGES.has(language);
}
