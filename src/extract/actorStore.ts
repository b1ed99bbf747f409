/**
 * The article's actors and their mentions, with the lookups later stages need (ActorIndex). Mentions
 * are kept sorted by offset so lookups are binary searches, not scans.
 */
import type { ActorIndex } from './actorIndex.js';
import { normalizeForComparison } from '../domain/text.js';
import { spanOf } from './text.js';
import type { ActorKind, ExtractedActor, Span } from '../domain/types.js';

interface Mention {
  start: number;
  end: number;
  actor: ExtractedActor;
}

/** normalizeForComparison per name, kept across articles (names repeat; five regex passes each were a hot spot). */
const normalizedNames = new Map<string, string>();
function normalizedName(name: string): string {
  let n = normalizedNames.get(name);
  if (n === undefined) {
    if (normalizedNames.size > 50_000) normalizedNames.clear(); // bounded for long-running ingests
    n = normalizeForComparison(name);
    normalizedNames.set(name, n);
  }
  return n;
}

export class ActorStore implements ActorIndex {
  readonly actors: ExtractedActor[] = [];
  private readonly mentions: Mention[] = [];
  private readonly byName = new Map<string, ExtractedActor>();
  private readonly keyed = new Map<string, ExtractedActor>();

  constructor(private readonly text: string) {}

  private nameKey(kind: ActorKind, name: string): string {
    return `${kind}\u0000${normalizedName(name)}`;
  }

  /** Creates an actor (or returns the one of that kind and name) without a mention. */
  declare(kind: ActorKind, name: string): ExtractedActor {
    const k = this.nameKey(kind, name);
    const found = this.byName.get(k);
    if (found) return found;
    const actor: ExtractedActor = { key: `a${this.actors.length + 1}`, name, kind, aliases: [], mentions: [] };
    this.actors.push(actor);
    this.byName.set(k, actor);
    this.keyed.set(actor.key, actor);
    return actor;
  }

  /** Records that [start, end) names `actor`; the surface becomes an alias when it differs from the name. */
  mention(actor: ExtractedActor, start: number, end: number): void {
    const span = spanOf(this.text, start, end);
    this.addAlias(actor, span.exact);
    if (actor.mentions.some((m) => m.start === start && m.end === end)) return;
    // Mentions mostly arrive in text order: insert in place instead of re-sorting.
    let i = actor.mentions.length;
    while (i > 0 && (actor.mentions[i - 1]?.start ?? 0) > start) i--;
    actor.mentions.splice(i, 0, span);
    const at = this.insertionPoint(start);
    this.mentions.splice(at, 0, { start, end, actor });
  }

  addAlias(actor: ExtractedActor, surface: string): void {
    const s = surface.trim();
    if (s.length > 0 && s !== actor.name && !actor.aliases.includes(s)) actor.aliases.push(s);
  }

  /** Renames an actor (its fullest form), keeping the old name as an alias. */
  rename(actor: ExtractedActor, name: string): void {
    if (name === actor.name) return;
    this.byName.delete(this.nameKey(actor.kind, actor.name));
    const old = actor.name;
    actor.name = name;
    actor.aliases = actor.aliases.filter((a) => a !== name);
    this.addAlias(actor, old);
    this.byName.set(this.nameKey(actor.kind, name), actor);
  }

  findByName(kind: ActorKind, name: string): ExtractedActor | undefined {
    return this.byName.get(this.nameKey(kind, name));
  }

  private insertionPoint(start: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid]?.start ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Mentions overlapping [start, end): a bounded walk back (mentions are short) plus forward to `end`. */
  private overlapping(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    const at = this.insertionPoint(start);
    for (let i = at - 1; i >= 0 && i >= at - 8; i--) {
      const m = this.mentions[i];
      if (m && m.end > start) out.push(m);
    }
    for (let i = at; i < this.mentions.length; i++) {
      const m = this.mentions[i];
      if (!m || m.start >= end) break;
      out.push(m);
    }
    return out;
  }

  byKey(key: string): ExtractedActor | undefined {
    return this.keyed.get(key);
  }

  /** The actor of the longest mention overlapping [start, end). */
  actorAt(start: number, end: number): ExtractedActor | undefined {
    let best: Mention | undefined;
    for (const m of this.overlapping(start, end)) {
      if (!best || m.end - m.start > best.end - best.start) best = m;
    }
    return best?.actor;
  }

  /** The mention (span) of the longest mention overlapping [start, end). */
  mentionAt(start: number, end: number): { start: number; end: number; actor: ExtractedActor } | undefined {
    let best: Mention | undefined;
    for (const m of this.overlapping(start, end)) {
      if (!best || m.end - m.start > best.end - best.start) best = m;
    }
    return best;
  }

  /** Outermost mentions inside [start, end), in text order (a mention nested in a longer one is skipped). */
  mentionsIn(start: number, end: number): Array<{ start: number; end: number; actor: ExtractedActor }> {
    const inside = this.overlapping(start, end).filter((m) => m.start >= start && m.end <= end);
    inside.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Mention[] = [];
    for (const m of inside) {
      const last = out[out.length - 1];
      if (last && m.start < last.end) continue;
      out.push(m);
    }
    return out;
  }

  actorsIn(start: number, end: number): ExtractedActor[] {
    const seen = new Set<ExtractedActor>();
    for (const m of this.mentionsIn(start, end)) seen.add(m.actor);
    return [...seen];
  }

  ensure(surface: Span, kind: ActorKind, name?: string): ExtractedActor {
    const hit = this.mentionAt(surface.start, surface.end);
    if (hit && hit.start <= surface.start && hit.end >= surface.end) return hit.actor;
    const actor = this.declare(kind, name ?? surface.exact);
    this.mention(actor, surface.start, surface.end);
    return actor;
  }
}
