#!/usr/bin/env node
// `chronicle …` after `npm link` / npx: runs the TypeScript CLI through tsx (no build step), in a child node
// that gets our SIGTERM/SIGINT and exits if we are killed outright (CHRONICLE_EXIT_WITH_PARENT, src/lifecycle.ts).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
const child = spawn(process.execPath, ['--import', tsx, path.join(here, '..', 'src', 'cli.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHRONICLE_EXIT_WITH_PARENT: '1' },
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
