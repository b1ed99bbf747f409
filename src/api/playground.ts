/**
 * The GraphQL playground, offline: GraphiQL 3 and React 18 UMD bundles served from node_modules (no CDN),
 * with the example operations preloaded as tabs. Only the files in ASSETS are reachable.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';
import { EXAMPLES } from './examples.js';

const require = createRequire(import.meta.url);
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** URL file name → file on disk: a fixed allow-list, so no path from the request ever reaches the file system. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: path.join(pkgDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: path.join(pkgDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: path.join(pkgDir('graphiql'), 'dist', 'index.umd.js'), type: 'text/javascript' },
  'graphiql.css': { file: path.join(pkgDir('graphiql'), 'dist', 'style.css'), type: 'text/css' },
};

export const PLAYGROUND_ASSET_PATH = '/graphiql';

/** JSON inside a <script> element: `<` escaped so no string can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function playgroundHtml(assetBase = PLAYGROUND_ASSET_PATH): string {
  const tabs = EXAMPLES.map((e) => ({ query: e.query, variables: JSON.stringify(e.variables, null, 2) }));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Chronicle — GraphQL playground</title>
  <link rel="stylesheet" href="${assetBase}/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the playground…</div>
  <script id="chronicle-examples" type="application/json">${scriptJson(tabs)}</script>
  <script src="${assetBase}/react.js"></script>
  <script src="${assetBase}/react-dom.js"></script>
  <script src="${assetBase}/graphiql.js"></script>
  <script>
    const tabs = JSON.parse(document.getElementById('chronicle-examples').textContent);
    const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>`;
}

/** Serves the allow-listed assets under PLAYGROUND_ASSET_PATH. */
export function playgroundAssets(): Router {
  const router = express.Router();
  router.get('/:file', (req, res, next) => {
    const asset = Object.hasOwn(ASSETS, req.params.file) ? ASSETS[req.params.file] : undefined;
    if (!asset) return next();
    res.type(asset.type);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(asset.file, (err) => err && next(err));
  });
  return router;
}
