/**
 * A read-only view over the NLP engine's parse (src/nlp/types.ts) with what attribution rules ask of it:
 * children by dependency label, subtrees as token ranges, the token at an offset. Pure: no engine here.
 */
import type { Parse, ParsedToken } from '../nlp/types.js';

export interface TokenRange {
  /** First token index, inclusive. */
  first: number;
  /** Last token index, inclusive. */
  last: number;
}

export class Syntax {
  readonly tokens: ParsedToken[];
  private readonly children: number[][];
  private readonly starts: number[];

  constructor(readonly parse: Parse) {
    this.tokens = parse.tokens;
    this.children = this.tokens.map(() => []);
    for (const t of this.tokens) if (t.head !== t.i) this.children[t.head]!.push(t.i);
    this.starts = this.tokens.map((t) => t.start);
  }

  tok(i: number): ParsedToken {
    return this.tokens[i]!;
  }

  kids(i: number, deps?: ReadonlySet<string> | string): ParsedToken[] {
    const all = (this.children[i] ?? []).map((k) => this.tokens[k]!);
    if (deps === undefined) return all;
    return all.filter((t) => (typeof deps === 'string' ? t.dep === deps : deps.has(t.dep)));
  }

  kid(i: number, deps: ReadonlySet<string> | string): ParsedToken | undefined {
    return this.kids(i, deps)[0];
  }

  /** The head chain from `i` up to (not including) the root, nearest first. */
  *ancestors(i: number): Generator<ParsedToken> {
    let t = this.tokens[i]!;
    while (t.head !== t.i) {
      t = this.tokens[t.head]!;
      yield t;
    }
  }

  /** Token range of the subtree of `i`, leaving out the subtrees of children `skip` rejects. */
  subtree(i: number, skip?: (child: ParsedToken) => boolean): TokenRange {
    let first = i;
    let last = i;
    const stack = [i];
    while (stack.length > 0) {
      const k = stack.pop()!;
      for (const c of this.children[k] ?? []) {
        if (skip && k === i && skip(this.tokens[c]!)) continue;
        first = Math.min(first, c);
        last = Math.max(last, c);
        stack.push(c);
      }
    }
    return { first, last };
  }

  /** Whether `i` lies in the subtree of `root`. */
  dominates(root: number, i: number): boolean {
    if (root === i) return true;
    for (const a of this.ancestors(i)) if (a.i === root) return true;
    return false;
  }

  /** Index of the token containing or first starting after `offset`. */
  tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The tokens lying wholly within the characters [start, end), in text order. */
  within(start: number, end: number): ParsedToken[] {
    const out: ParsedToken[] = [];
    for (let i = this.tokenAt(start); i < this.tokens.length && this.tokens[i]!.start < end; i++) {
      const t = this.tokens[i]!;
      if (t.start >= start && t.end <= end) out.push(t);
    }
    return out;
  }

  /** Character range of a token range. */
  chars(r: TokenRange): { start: number; end: number } {
    return { start: this.tokens[r.first]!.start, end: this.tokens[r.last]!.end };
  }

  /** The entity a token is part of, as a token range. */
  entityOf(i: number): TokenRange | undefined {
    const t = this.tokens[i]!;
    if (!t.ent) return undefined;
    let first = i;
    while (first > 0 && this.tokens[first]!.entIob === 'I') first--;
    let last = i;
    while (last + 1 < this.tokens.length && this.tokens[last + 1]!.entIob === 'I') last++;
    return { first, last };
  }
}
