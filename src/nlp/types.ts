/**
 * What the NLP engine gives extraction: sentences, tokens with POS, lemma, dependency head and label, and
 * named entities. Plain data (JSON from the engine, cached by the article's sha256); offsets are UTF-16
 * code-unit offsets into the article text, end-exclusive, like every Span in src/domain/types.ts.
 * src/nlp/ is the only code that knows which engine produced it; extraction reads only this shape.
 */

/** Which engine and model made a parse (a cached parse of another engine or model is not reused). */
export interface ParseEngine {
  /** "spacy" */
  name: string;
  /** The engine's version ("3.8.18"). */
  version: string;
  /** The model's name and version as its meta.json reports them ("core_web_sm", "3.8.0"). */
  model: string;
  modelVersion: string;
}

export interface ParsedToken {
  /** Index in `Parse.tokens`. */
  i: number;
  start: number;
  end: number;
  text: string;
  lemma: string;
  /** Universal POS ("VERB", "PROPN", "PRON", …). */
  pos: string;
  /** Penn Treebank tag ("VBD", "NNP", …). */
  tag: string;
  /** Dependency label (ClearNLP style, as spaCy's English models: "nsubj", "ccomp", "appos", …). */
  dep: string;
  /** Index of the syntactic head; the sentence root is its own head. */
  head: number;
  /** Entity label of the entity this token is in ("PERSON", "ORG", "GPE", "NORP", …), or "" outside entities. */
  ent: string;
  /** Whether the token starts an entity ("B") or continues one ("I"); "" outside entities. */
  entIob: '' | 'B' | 'I';
  /** Index of the sentence the token belongs to. */
  sent: number;
  /** Trailing whitespace follows the token. */
  ws: boolean;
}

export interface ParsedSentence {
  start: number;
  end: number;
  /** Token index range, end-exclusive. */
  firstToken: number;
  endToken: number;
  /** Index of the root token. */
  root: number;
}

export interface ParsedEntity {
  start: number;
  end: number;
  label: string;
  firstToken: number;
  endToken: number;
  text: string;
}

export interface Parse {
  engine: ParseEngine;
  /** sha256 of the text parsed (hex), the cache key. */
  sha256: string;
  sentences: ParsedSentence[];
  tokens: ParsedToken[];
  entities: ParsedEntity[];
}
