/**
 * A tiny in-memory ActorIndex for event-stage unit tests: the events stage only needs the interface,
 * so these tests do not depend on the actor stage's heuristics.
 */
import type { ActorIndex } from '../../../src/extract/actorIndex.js';
import type { ActorKind, ExtractedActor, Span } from '../../../src/domain/types.js';

export interface StubActor {
  name: string;
  kind: ActorKind;
  /** Surface forms to find in the text as mentions (every occurrence). */
  forms?: string[];
  affiliation?: string;
}

export function stubActorIndex(text: string, actors: StubActor[] = []): ActorIndex {
  const list: ExtractedActor[] = [];
  const byName = new Map<string, ExtractedActor>();
  actors.forEach((a, i) => {
    const mentions: Span[] = [];
    for (const f of a.forms ?? [a.name]) {
      for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + f.length)) {
        mentions.push({ start: at, end: at + f.length, exact: f });
      }
    }
    const actor: ExtractedActor = { key: `a${i + 1}`, name: a.name, kind: a.kind, aliases: a.forms ?? [], mentions };
    list.push(actor);
    byName.set(a.name, actor);
  });
  actors.forEach((a, i) => {
    if (a.affiliation) list[i]!.affiliationKey = byName.get(a.affiliation)?.key;
  });
  const index: ActorIndex = {
    actors: list,
    byKey: (key) => list.find((a) => a.key === key),
    actorAt: (start, end) => list.find((a) => a.mentions.some((m) => m.start < end && start < m.end)),
    actorsIn: (start, end) =>
      list
        .filter((a) => a.mentions.some((m) => m.start >= start && m.end <= end))
        .sort((x, y) => Math.min(...x.mentions.map((m) => m.start)) - Math.min(...y.mentions.map((m) => m.start))),
    mention: (actor, start, end) => {
      const exact = text.slice(start, end);
      actor.mentions.push({ start, end, exact });
      if (exact !== actor.name && !actor.aliases.includes(exact)) actor.aliases.push(exact);
    },
    ensure: (surface, kind, name) => {
      const n = name ?? surface.exact;
      let actor = list.find((a) => a.kind === kind && (a.name === n || a.aliases.includes(n)));
      if (!actor) {
        actor = { key: `a${list.length + 1}`, name: n, kind, aliases: [], mentions: [] };
        list.push(actor);
      }
      if (!actor.mentions.some((m) => m.start === surface.start)) actor.mentions.push(surface);
      return actor;
    },
  };
  return index;
}
