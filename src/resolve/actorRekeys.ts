/**
 * Stored actors an article re-keys to their canonical id (`mergeActor:<storedId>` in its ids, src/resolve/actors.ts),
 * followed through a known graph the way the loader follows them (src/graph/load.ts `rekey`): the actor renamed, or
 * merged into the node already holding that id; the statements it said and the events it took part in follow it.
 * Resolution of the article's statements and events compares speakers and participants by id, so it must see the
 * stored ones under the ids they are about to have.
 */
import type { KnownGraph } from '../domain/types.js';
import { rekeys } from './events.js';

type KnownActor = KnownGraph['actors'][number];

/** The article's actor re-keys as a map (stored id → canonical id); empty for most articles. */
export function actorRenames(ids: Record<string, string>): Map<string, string> {
  return new Map(rekeys(ids, 'mergeActor:'));
}

/** Moves re-keyed actors in a map by id: renamed, or merged into the target (the loader's name and alias rules). */
export function rekeyActors(actors: Map<string, KnownActor>, renames: ReadonlyMap<string, string>): void {
  for (const [from, to] of renames) {
    const old = actors.get(from);
    if (!old) continue;
    actors.delete(from);
    const target = actors.get(to);
    if (!target) {
      actors.set(to, { ...old, id: to, aliases: [...old.aliases] });
      continue;
    }
    actors.set(to, { ...target, ...mergedForms(target, old) });
  }
}

/**
 * Two records of one actor's names merged as the loader merges them: the longer name wins (ties: alphabetical), every
 * other form is an alias.
 */
export function mergedForms(a: { name: string; aliases: readonly string[] }, b: { name: string; aliases: readonly string[] }): { name: string; aliases: string[] } {
  const name = b.name.length > a.name.length || (b.name.length === a.name.length && b.name < a.name) ? b.name : a.name;
  const forms = new Set([a.name, ...a.aliases, b.name, ...b.aliases]);
  forms.delete(name);
  return { name, aliases: [...forms].sort() };
}

/** An id after the renames (unchanged when not re-keyed). */
export const renamed = (renames: ReadonlyMap<string, string>, id: string): string => renames.get(id) ?? id;

/** The known graph with the article's actor re-keys applied (the same object when there are none). */
export function followActorRekeys(known: KnownGraph, ids: Record<string, string>): KnownGraph {
  const renames = actorRenames(ids);
  if (renames.size === 0) return known;
  const actors = new Map(known.actors.map((a) => [a.id, a]));
  rekeyActors(actors, renames);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    actors: [...actors.values()].sort(byId),
    statements: known.statements.map((s) => ({ ...s, speakerId: renamed(renames, s.speakerId) })),
    events: known.events.map((e) => ({ ...e, participantIds: [...new Set(e.participantIds.map((p) => renamed(renames, p)))].sort() })),
  };
}
