/**
 * Numbers as news writes them: digits (thousands commas, decimals), number words ("six", "a dozen"; data/lexicon/
 * units.json) and hyphenated tens ("forty-three"). Shared by the distance, count and date-offset readers.
 */
import unitData from '../../../data/lexicon/units.json' with { type: 'json' };

export const NUMBER_WORDS = new Map(Object.entries(unitData.numberWords));

const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** A hyphenated number below a hundred ("forty-three"), as a regex source. */
export const HYPHENATED_NUMBER = `(?:${TENS.join('|')})-(?:${UNITS.join('|')})`;

/** The value of digits, a number word or a hyphenated number; undefined for anything else. */
export function parseNumber(s: string): number | undefined {
  const t = s.toLowerCase().replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const hyphenated = /^([a-z]+)-([a-z]+)$/.exec(t);
  if (hyphenated) {
    const tens = NUMBER_WORDS.get(hyphenated[1]!);
    const units = NUMBER_WORDS.get(hyphenated[2]!);
    return tens !== undefined && units !== undefined ? tens + units : undefined;
  }
  return NUMBER_WORDS.get(t.replace(/\s+/g, ' '));
}
