/** An HTTP server with the real timeline router and a fake /graphql over a FakeGraph (no Neo4j needed). */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../../src/config.js';
import { timelineRouter } from '../../../src/web/router.js';
import { fakeExecute, fakeRoot, loadSchema, runFake, type FakeGraph } from './fakeGraph.js';

export interface FakeServer {
  url: string;
  close(): Promise<void>;
}

export async function startFakeServer(graph: FakeGraph, port = 0): Promise<FakeServer> {
  const schema = loadSchema();
  const root = fakeRoot(graph);
  const app = express();
  app.post('/graphql', express.json(), async (req, res) => {
    const { query, variables } = req.body as { query: string; variables?: Record<string, unknown> };
    res.json(await runFake(schema, root, query, variables));
  });
  app.use(
    timelineRouter({
      driver: undefined as unknown as Driver,
      database: 'neo4j',
      config: loadConfig({}),
      graphqlPath: '/graphql',
      execute: fakeExecute(schema, root),
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
