/**
 * Statement scorers against tests/fixtures/gold/statements.json:
 * - attribution: a found statement matches a gold one when the speaker is the same actor and the words
 *   overlap (Dice >= 0.5 on word bags: trimmed quotes and content boundaries still match);
 * - said-dates, intermediaries (via), audience and kind, on the matched pairs;
 * - chains: gold statements labelled as the same utterance must share one Statement id, others must not.
 */
import type { ExtractedActor, ExtractedStatement, ResolvedArticle } from '../domain/types.js';
import { goldActorFor, sameActor, type ActorGold, type GoldStatement, type StatementGold } from './gold.js';
import { dice, score, wordsOf, type Score } from './score.js';

const MIN_OVERLAP = 0.5;

interface Pair {
  g: GoldStatement;
  s: ExtractedStatement;
  r: ResolvedArticle;
}

function actorOf(r: ResolvedArticle, key: string | undefined): ExtractedActor | undefined {
  return key === undefined ? undefined : r.actors.find((a) => a.key === key);
}

function speakerOk(actors: ActorGold, g: GoldStatement, r: ResolvedArticle, s: ExtractedStatement): boolean {
  const gold = goldActorFor(actors, g.articleId, g.speaker);
  const found = actorOf(r, s.speakerKey);
  return !!gold && !!found && sameActor(gold, g.articleId, found);
}

const show = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

/** Greedy one-to-one matching per article, best word overlap first. */
export function matchStatements(gold: StatementGold, actors: ActorGold, resolved: ResolvedArticle[]) {
  const pairs: Pair[] = [];
  const missed: GoldStatement[] = [];
  const extra: Array<{ s: ExtractedStatement; r: ResolvedArticle }> = [];
  for (const r of resolved) {
    const golds = gold.statements.filter((g) => g.articleId === r.article.id);
    const cands: Array<{ gi: number; si: number; sim: number }> = [];
    golds.forEach((g, gi) => {
      const gw = wordsOf(g.text);
      r.statements.forEach((s, si) => {
        if (!speakerOk(actors, g, r, s)) return;
        const sim = dice(gw, wordsOf(s.text));
        if (sim >= MIN_OVERLAP) cands.push({ gi, si, sim });
      });
    });
    cands.sort((a, b) => b.sim - a.sim || a.gi - b.gi || a.si - b.si);
    const usedG = new Set<number>();
    const usedS = new Set<number>();
    for (const c of cands) {
      if (usedG.has(c.gi) || usedS.has(c.si)) continue;
      usedG.add(c.gi);
      usedS.add(c.si);
      pairs.push({ g: golds[c.gi]!, s: r.statements[c.si]!, r });
    }
    golds.forEach((g, gi) => usedG.has(gi) || missed.push(g));
    r.statements.forEach((s, si) => usedS.has(si) || extra.push({ s, r }));
  }
  return { pairs, missed, extra };
}

export function scoreStatements(gold: StatementGold, actors: ActorGold, resolved: ResolvedArticle[]): Score[] {
  const { pairs, missed, extra } = matchStatements(gold, actors, resolved);
  const attribution = score(
    'statements: attribution (speaker + words)',
    pairs.length,
    extra.length,
    missed.length,
    [
      ...missed.map((g) => `${g.articleId}: missed [${g.speaker}] ${show(g.text)}`),
      ...extra.map(({ s, r }) => `${r.article.id}: extra [${actorOf(r, s.speakerKey)?.name}] ${show(s.text)}`),
    ],
  );
  return [attribution, scoreSaidOn(pairs), scoreVia(actors, pairs), scoreAudience(pairs), scoreKind(pairs), scoreChains(gold, pairs)];
}

function scoreSaidOn(pairs: Pair[]): Score {
  let [tp, fp, fn] = [0, 0, 0];
  const misses: string[] = [];
  for (const { g, s, r } of pairs) {
    const found = s.saidOn?.start ?? null;
    if (g.saidOn !== null && found === g.saidOn) tp++;
    else {
      if (found !== null) fp++;
      if (g.saidOn !== null) fn++;
      if (found !== g.saidOn) misses.push(`${r.article.id}: said-date ${found ?? 'none'}, gold ${g.saidOn ?? 'none'}: ${show(g.text)}`);
    }
  }
  return score('statements: said-date (matched)', tp, fp, fn, misses);
}

function namesOf(actors: ActorGold, g: GoldStatement, names: string[]) {
  return names.map((n) => goldActorFor(actors, g.articleId, n));
}

function scoreVia(actors: ActorGold, pairs: Pair[]): Score {
  let [tp, fp, fn] = [0, 0, 0];
  const misses: string[] = [];
  for (const { g, s, r } of pairs) {
    const want = namesOf(actors, g, g.via);
    const got = s.viaKeys.map((k) => actorOf(r, k)).filter((a): a is ExtractedActor => a !== undefined);
    const ok = got.filter((a, i) => want[i] && sameActor(want[i]!, g.articleId, a)).length;
    tp += ok;
    fp += got.length - ok;
    fn += want.length - ok;
    if (ok !== want.length || ok !== got.length) misses.push(`${r.article.id}: via [${got.map((a) => a.name).join(' > ')}], gold [${g.via.join(' > ')}]: ${show(g.text)}`);
  }
  return score('statements: intermediaries in order (matched)', tp, fp, fn, misses);
}

function scoreAudience(pairs: Pair[]): Score {
  let [tp, fp, fn] = [0, 0, 0];
  const misses: string[] = [];
  for (const { g, s, r } of pairs) {
    const got = actorOf(r, s.audienceKey);
    const want = g.audience;
    const norm = (x: string) => x.toLowerCase().replace(/^(the|a|an)\s+/, '');
    const ok = !!got && !!want && (norm(got.name) === norm(want) || [got.name, ...got.aliases].some((n) => norm(n) === norm(want)));
    if (ok) tp++;
    else {
      if (got) fp++;
      if (want) fn++;
      if (got || want) misses.push(`${r.article.id}: audience ${got?.name ?? 'none'}, gold ${want ?? 'none'}: ${show(g.text)}`);
    }
  }
  return score('statements: audience (matched)', tp, fp, fn, misses);
}

function scoreKind(pairs: Pair[]): Score {
  const wrong = pairs.filter(({ g, s }) => g.kind !== s.kind);
  return score(
    'statements: kind DIRECT/INDIRECT (matched)',
    pairs.length - wrong.length,
    wrong.length,
    wrong.length,
    wrong.map(({ g, s, r }) => `${r.article.id}: ${s.kind}, gold ${g.kind}: ${show(g.text)}`),
  );
}

/** Pairs of matched gold statements from different articles: same utterance ⇔ same Statement id. */
function scoreChains(gold: StatementGold, pairs: Pair[]): Score {
  let [tp, fp, fn] = [0, 0, 0];
  const misses: string[] = [];
  const labelled = gold.statements.filter((g) => g.utterance);
  const matched = new Map(pairs.map((p) => [p.g, p]));
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const a = pairs[i]!;
      const b = pairs[j]!;
      if (a.r === b.r) continue;
      const same = a.g.utterance !== undefined && a.g.utterance === b.g.utterance;
      const oneId = a.r.ids[a.s.key] === b.r.ids[b.s.key];
      if (same && oneId) tp++;
      else if (same) {
        fn++;
        misses.push(`${a.g.utterance}: ${a.r.article.id} and ${b.r.article.id} got different ids`);
      } else if (oneId) {
        fp++;
        misses.push(`merged different utterances: ${show(a.g.text)} / ${show(b.g.text)}`);
      }
    }
  }
  // Labelled statements that were not found at all cannot join their chain.
  for (const g of labelled) if (!matched.has(g)) fn++;
  return score('statements: same utterance across articles, one id', tp, fp, fn, misses);
}
