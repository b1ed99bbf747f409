import type { Span } from '../domain/types.js';

/** One article as the extraction stages see it: the text, its sentences, and the date to resolve against. */
export interface Doc {
  text: string;
  /** ISO date YYYY-MM-DD. */
  publishedAt: string;
  sentences: Span[];
}
