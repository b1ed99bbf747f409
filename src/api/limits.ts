/**
 * Query cost limits, as GraphQL validation rules so abusive documents are refused before any resolver
 * (or Neo4j) runs: maximum selection depth and maximum number of field selections, aliases included
 * (fragments are counted every time they are spread, so a fragment cannot hide cost).
 */
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ASTVisitor,
  type DocumentNode,
} from 'graphql';

interface Cost {
  depth: number;
  fields: number;
  /** Introspection (`__schema`, `__type`) is schema-bound and never reaches Neo4j: it has its own, fixed ceiling. */
  metaDepth: number;
  metaFields: number;
}

const NONE: Cost = { depth: 0, fields: 0, metaDepth: 0, metaFields: 0 };
const META_FIELDS = new Set(['__schema', '__type']);
/** GraphiQL's own introspection query is 15 deep with ~230 fields; this admits it and refuses abuse. */
export const INTROSPECTION_LIMITS = { maxDepth: 20, maxFields: 1000 };

/** Depth and field count of a selection set, following fragment spreads (memoised; cycles count as nothing). */
function measure(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  memo: Map<string, Cost>,
  visiting: Set<string>,
): Cost {
  if (!set) return NONE;
  const total = { ...NONE };
  for (const sel of set.selections) {
    let cost: Cost;
    if (sel.kind === Kind.FIELD) {
      const inner = measure(sel.selectionSet, fragments, memo, visiting);
      cost = META_FIELDS.has(sel.name.value)
        ? { ...NONE, metaDepth: 1 + Math.max(inner.depth, inner.metaDepth), metaFields: 1 + inner.fields + inner.metaFields }
        : { depth: 1 + inner.depth, fields: 1 + inner.fields, metaDepth: inner.metaDepth, metaFields: inner.metaFields };
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      cost = measure(sel.selectionSet, fragments, memo, visiting);
    } else {
      const name = sel.name.value;
      const known = memo.get(name);
      if (known) cost = known;
      else if (visiting.has(name) || !fragments[name]) cost = NONE; // reported by NoFragmentCycles / KnownFragmentNames
      else {
        visiting.add(name);
        cost = measure(fragments[name].selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, cost);
      }
    }
    total.depth = Math.max(total.depth, cost.depth);
    total.fields += cost.fields;
    total.metaDepth = Math.max(total.metaDepth, cost.metaDepth);
    total.metaFields += cost.metaFields;
  }
  return total;
}

function operationCost(context: ValidationContext, op: OperationDefinitionNode): Cost {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of context.getDocument().definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  }
  return measure(op.selectionSet, fragments, new Map(), new Set());
}

function opName(op: OperationDefinitionNode): string {
  return op.name ? `operation "${op.name.value}"` : 'the operation';
}

export interface LimitOptions {
  maxDepth: number;
  maxFields: number;
}

/** One rule checks both limits (one walk of the document). */
export function costLimitRule({ maxDepth, maxFields }: LimitOptions) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(op) {
      const { depth, fields, metaDepth, metaFields } = operationCost(context, op);
      if (metaDepth > INTROSPECTION_LIMITS.maxDepth || metaFields > INTROSPECTION_LIMITS.maxFields) {
        context.reportError(
          new GraphQLError(
            `${opName(op)} introspects ${metaDepth} levels deep with ${metaFields} fields; the limit is ${INTROSPECTION_LIMITS.maxDepth} levels and ${INTROSPECTION_LIMITS.maxFields} fields`,
            { nodes: [op], extensions: { limit: 'INTROSPECTION' } },
          ),
        );
      }
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(
            `${opName(op)} is nested ${depth} levels deep; the limit is ${maxDepth} (MAX_QUERY_DEPTH)`,
            { nodes: [op], extensions: { limit: 'MAX_QUERY_DEPTH', depth, max: maxDepth } },
          ),
        );
      }
      if (fields > maxFields) {
        context.reportError(
          new GraphQLError(
            `${opName(op)} selects ${fields} fields (aliases and fragment spreads included); the limit is ${maxFields} (MAX_QUERY_FIELDS)`,
            { nodes: [op], extensions: { limit: 'MAX_QUERY_FIELDS', fields, max: maxFields } },
          ),
        );
      }
      return false; // fragments are measured through their spreads
    },
  });
}

/** Exposed for tests and the example-query check: an operation's depth and field count. */
export function measureDocument(doc: DocumentNode): Cost[] {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  return doc.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => measure(op.selectionSet, fragments, new Map(), new Set()));
}
