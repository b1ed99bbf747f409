/**
 * Runs the client operations (src/web/operations) in-process against the API's own schema, resolvers,
 * context and cost limits, without HTTP: exports read exactly what a GraphQL client would.
 */
import { ApolloServer } from '@apollo/server';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Driver } from 'neo4j-driver';
import { loadConfig, type Config } from '../config.js';
import { executorSettings } from '../graph/executor.js';
import { createLogger, type Logger } from '../logger.js';
import type { ApiContext } from '../api/context.js';
import { costLimitRule } from '../api/limits.js';
import { resolvers } from '../api/resolvers/index.js';
import { createApiContext, loadTypeDefs } from '../api/server.js';

/** Executes one typed operation and returns its data; GraphQL errors become one thrown Error. */
export type Execute = <TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
) => Promise<TData>;

export class ExportQueryError extends Error {
  override name = 'ExportQueryError';
}

export interface ExecutorDeps {
  driver: Driver;
  database: string;
  config?: Config;
  logger?: Logger;
}

export async function inProcessExecutor(deps: ExecutorDeps): Promise<Execute> {
  const config = deps.config ?? loadConfig();
  // The driver's logger (createDriver registers it) when none is given, so --log-level debug shows the export's queries.
  const logger = deps.logger ?? executorSettings(deps.driver).logger ?? createLogger('silent');
  // Same schema, resolvers, context and cost limits as the HTTP API. Not the API's own server object:
  // this one must not install SIGTERM handlers (Apollo's default), which would cut a graceful shutdown short.
  const server = new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    validationRules: [costLimitRule({ maxDepth: config.MAX_QUERY_DEPTH, maxFields: config.MAX_QUERY_FIELDS })],
    stopOnTerminationSignals: false,
    logger,
  });
  const apiDeps = {
    driver: deps.driver,
    database: deps.database,
    config,
    logger,
    // Exports only read; a mutation here would be a bug.
    ingest: () => Promise.reject(new Error('exports do not ingest')),
  };
  return async <TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> => {
    const res = await server.executeOperation({ query: document, variables }, { contextValue: createApiContext(apiDeps) });
    if (res.body.kind !== 'single') throw new ExportQueryError('unexpected incremental response');
    const { data, errors } = res.body.singleResult;
    if (errors?.length) throw new ExportQueryError(errors.map((e) => e.message).join('; '));
    if (!data) throw new ExportQueryError('the API returned no data');
    return data as TData;
  };
}
