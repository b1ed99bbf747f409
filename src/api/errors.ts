/**
 * The one error map: driver errors → GraphQL errors with `extensions.code`, and what a client may see.
 * Driver messages can contain Cypher and internals, and stack traces hold absolute paths, so neither reaches
 * a client unless details are asked for (EXPOSE_ERROR_DETAILS, or NODE_ENV=development); then the driver's
 * first line is attached as `extensions.detail` to help debugging.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';
import { isDatabaseUnavailable } from '../graph/executor.js';
import type { Logger } from '../logger.js';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function badInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('mutations require the header "Authorization: Bearer <API_TOKEN>" with a valid token', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

export function mutationsDisabled(): GraphQLError {
  return new GraphQLError('mutations are disabled on this server: it has no API_TOKEN configured', {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}

interface Mapped {
  code: ErrorCode;
  message: string;
}

const INTERNAL: Mapped = { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };

/** Neo4j error codes (and driver-side codes) → what the client is told. */
export function mapDriverError(err: Neo4jError): Mapped {
  const code = err.code ?? '';
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.Terminated') {
    return {
      code: 'QUERY_TIMEOUT',
      message: 'the query took longer than the server allows (QUERY_TIMEOUT_MS); narrow the filter or ask for a smaller page',
    };
  }
  // Unreachable, frozen (no answer by the deadline), no free connection, or a transient server state.
  if (isDatabaseUnavailable(err) || code.startsWith('Neo.TransientError.')) {
    return { code: 'SERVICE_UNAVAILABLE', message: 'the graph database is not available right now; try again shortly' };
  }
  // Syntax/semantic errors, missing indexes, security: our bug or our configuration, never the client's.
  return INTERNAL;
}

export interface FormatOptions {
  /** Driver text and internal messages in responses (EXPOSE_ERROR_DETAILS); off by default. */
  exposeDetails: boolean;
  logger: Logger;
}

/** Apollo `formatError`: maps driver errors, masks internals unless details are exposed, logs what went wrong on our side. */
export function createFormatError(opts: FormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof Neo4jError) {
      const mapped = mapDriverError(original);
      const log = mapped.code === 'INTERNAL_SERVER_ERROR' ? 'error' : 'warn';
      opts.logger[log]({ err: original, neo4jCode: original.code, path: formatted.path }, 'Neo4j query failed');
      return {
        message: mapped.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: mapped.code,
          ...(opts.exposeDetails ? { detail: original.message.split('\n')[0], neo4jCode: original.code } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      opts.logger.error({ err: original, path: formatted.path }, 'resolver failed');
      if (!opts.exposeDetails) {
        return { message: INTERNAL.message, locations: formatted.locations, path: formatted.path, extensions: { code: INTERNAL.code } };
      }
    }
    return formatted;
  };
}
