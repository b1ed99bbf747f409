/** The Date and DateTime scalars: ISO strings in and out, validated on input so a bad date names itself. */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day in `YYYY-MM-DD` form (rejects 2016-02-30). */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function parseDate(v: unknown): string {
  if (typeof v !== 'string' || !isIsoDate(v)) {
    throw new GraphQLError(`Date must be a calendar day written YYYY-MM-DD; got ${JSON.stringify(v)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return v;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, ISO 8601 YYYY-MM-DD.',
  serialize: (v) => String(v).slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(v: unknown): string {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    throw new GraphQLError(`DateTime must be ISO 8601, e.g. 2016-10-06T12:00:00Z; got ${JSON.stringify(v)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date(v).toISOString();
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with offset.',
  serialize: (v) => String(v),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
