/**
 * The country gazetteer, read once: the hand-compiled data/lexicon/countries.json (the authority) first,
 * then data/lexicon/countries-world.json, the world's other sovereign countries generated from
 * mledoze/countries by scripts/lexicon/world-countries.mjs (which already drops any phrase the curated file
 * claims, or two world countries share). Every stage that knows countries takes them from here.
 */
import curatedData from '../../data/lexicon/countries.json' with { type: 'json' };
import worldData from '../../data/lexicon/countries-world.json' with { type: 'json' };

export interface CountryEntry {
  /** The English common name, the country's canonical name. */
  name: string;
  aliases: string[];
  demonyms: string[];
  /** The adjective institution names take ("U.S. military", "Thai government"). */
  modifier: string;
  /** The name of the country's government. */
  government: string;
  /** Capitals and seats of government, which stand for the government as subjects ("Moscow denied…"). */
  seats: string[];
}

/** Every country, curated entries first. */
export const COUNTRY_ENTRIES: readonly CountryEntry[] = [...curatedData.countries, ...worldData.countries];

/** Names of other places that contain a country's name ("New Mexico"): a country matched inside one is not that country. */
export const NOT_COUNTRIES: readonly string[] = curatedData.notCountries.names;
