/** Gold annotation formats (tests/fixtures/gold/*.json) and lookups shared by the scorers. */
import { normalizeForComparison } from '../domain/text.js';
import type { ActorKind, ExtractedActor } from '../domain/types.js';

export interface GoldStatement {
  articleId: string;
  /** A gold actor's name (anonymous sources: as written, without the "(NNN)" article suffix). */
  speaker: string;
  kind: 'DIRECT' | 'INDIRECT';
  text: string;
  saidOn: string | null;
  via: string[];
  audience?: string;
  verb?: string;
  /** The same label on statements of several articles: one utterance, one Statement id. */
  utterance?: string;
}

export interface GoldActor {
  /** Canonical name; anonymous sources repeated across articles carry an " (NNN)" suffix to stay unique. */
  name: string;
  kind: ActorKind;
  /** articleId → surface forms that name the actor there. */
  mentions: Record<string, string[]>;
}

export interface StatementGold {
  statements: GoldStatement[];
}

export interface ActorGold {
  scope: { detection: ActorKind[] };
  actors: GoldActor[];
}

/** The name without a disambiguating " (003)" suffix. */
export function displayName(a: GoldActor): string {
  return a.name.replace(/\s+\(\d+\)$/, '');
}

const norm = (s: string) => normalizeForComparison(s).replace(/^(the|a|an)\s+/, '');

/** The gold actor a gold statement's speaker (or via/audience name) means in an article. */
export function goldActorFor(gold: ActorGold, articleId: string, name: string): GoldActor | undefined {
  const n = norm(name);
  const here = gold.actors.filter((a) => a.mentions[articleId] !== undefined);
  return here.find((a) => norm(displayName(a)) === n) ?? gold.actors.find((a) => norm(displayName(a)) === n);
}

/**
 * An extracted actor is the gold actor when their names meet: the extracted name is the gold name or one
 * of its surfaces, or the gold name is among the extracted aliases. Definite descriptions ("the
 * official") are left out: they name different sources in different places.
 */
export function sameActor(g: GoldActor, articleId: string, e: ExtractedActor): boolean {
  // Kinds must agree, except that an unnamed group of officials may be read as a group or a source.
  const loose = (k: ActorKind) => (k === 'GROUP' ? 'ANONYMOUS_SOURCE' : k);
  if (loose(g.kind) !== loose(e.kind)) return false;
  const goldForms = new Set([displayName(g), ...(g.mentions[articleId] ?? [])].map(norm));
  const eForms = [e.name, ...e.aliases].filter((f) => e.kind !== 'ANONYMOUS_SOURCE' || !/^the\s/i.test(f)).map(norm);
  return goldForms.has(norm(e.name)) || eForms.includes(norm(displayName(g)));
}
