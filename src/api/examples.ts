/**
 * Example operations preloaded in the playground (one tab each). Generic on purpose: they use variables,
 * never names from particular articles. tests/api checks that each one validates and runs.
 */
export interface ExampleOperation {
  /** Tab title in GraphiQL is the operation name. */
  query: string;
  variables: Record<string, unknown>;
}

export const TIMELINE_EXAMPLE: ExampleOperation = {
  query: `# Events and statements interleaved in date order. Pass pageInfo.endCursor as $after for the next page.
query Timeline($first: Int = 20, $after: String, $filter: TimelineFilter) {
  timeline(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      kind
      sortDate
      date { start end precision }
      node {
        __typename
        ... on Statement { text speaker { name } }
        ... on Event { name start end precision }
        ... on Meeting { ordinal series { name } participants { name } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
  variables: { first: 20, filter: { from: null, to: null } },
};

export const WHO_SAID_WHAT_EXAMPLE: ExampleOperation = {
  query: `# Who said what. Set $text to words to search the quotes (full text; quotes and operators are taken
# literally) and/or $speakerId to an actor id from the actors query.
query WhoSaidWhat($text: String, $speakerId: ID, $first: Int = 10) {
  statements(filter: { text: $text, speakerId: $speakerId }, first: $first) {
    edges {
      node {
        text
        kind
        verb
        saidOn { start end precision }
        speaker { id name kind aliases }
        about { __typename ... on Event { name } ... on Actor { name } }
        sources { article { id outlet publishedAt url } via { name } start end exact }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
  variables: { text: null, speakerId: null, first: 10 },
};

export const STATEMENT_CHAIN_EXAMPLE: ExampleOperation = {
  query: `# Statement chains: every article that reported a statement, through whom, and how each worded it.
query StatementChain($first: Int = 5) {
  statements(first: $first) {
    edges {
      node {
        id
        text
        speaker { name outlets { outlet statementCount via { name } } }
        earliestReport { article { outlet publishedAt } path }
        reports { path wording article { id outlet publishedAt } via { name kind } }
        otherWordings { text articles { outlet publishedAt } }
      }
    }
  }
}`,
  variables: { first: 5 },
};

export const CONFLICTING_CLAIMS_EXAMPLE: ExampleOperation = {
  query: `# Incidents and what each source claims about them, side by side.
query ConflictingClaims {
  events(filter: { kinds: [INCIDENT] }, first: 10) {
    edges {
      node {
        name
        start
        precision
        claimsByAttribute {
          attribute
          conflicting
          values
          claims { value normalized source { speaker { name } article { outlet publishedAt } } }
        }
      }
    }
  }
}`,
  variables: {},
};

export const EXAMPLES: readonly ExampleOperation[] = [
  TIMELINE_EXAMPLE,
  WHO_SAID_WHAT_EXAMPLE,
  STATEMENT_CHAIN_EXAMPLE,
  CONFLICTING_CLAIMS_EXAMPLE,
];
