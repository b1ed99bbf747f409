/** Head nouns the parse-driven pass reads from the shared data files (data/lexicon), by lemma. */
import anonymousData from '../../../../data/lexicon/anonymous-sources.json' with { type: 'json' };
import organizationData from '../../../../data/lexicon/organizations.json' with { type: 'json' };

const singular = (w: string) => w.replace(/ies$/, 'y').replace(/(ss|x|ch|sh)es$/, '$1').replace(/([^s])s$/, '$1');

/** Unnamed sources: "a senior official", "sources", "the spokesman", "a witness" (lemmas). */
export const ANON_HEADS = new Set(
  [...anonymousData.singularHeads, ...anonymousData.pluralHeads, ...anonymousData.personHeads.words, 'spokesman', 'spokeswoman', 'spokesperson', 'people']
    .map(singular),
);

/** Collective speakers: "activists", "critics", "Republicans" (lemmas). */
export const GROUP_HEAD_NOUNS = new Set(organizationData.groupHeads.map(singular));
