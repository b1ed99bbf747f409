#!/usr/bin/env node
// Prepares the NLP engine (npm's postinstall): a Python virtual environment in .nlp/venv with exactly the
// packages nlp/requirements.txt pins by hash, then a model check. A no-op in well under a second when the
// venv already matches the requirements (their sha256 is stamped into the venv after a complete install).
// Plain JavaScript on purpose: it runs while npm installs, before anything else can be relied on.
//
//   NLP_PYTHON=/path/to/python3.11   use this interpreter (else python3.11, else python3 if it is 3.11 or 3.12)
//   NLP_URL=http://host:5005         the engine runs elsewhere (docker compose): nothing to prepare here
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REQUIREMENTS = path.join(ROOT, 'nlp', 'requirements.txt');
const VENV = path.join(ROOT, '.nlp', 'venv');
const VENV_PYTHON = path.join(VENV, 'bin', 'python');
const STAMP = path.join(VENV, 'chronicle-requirements.sha256');
const SUPPORTED = ['3.11', '3.12'];

class SetupError extends Error {}

function say(line) {
  console.log(`nlp setup: ${line}`);
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', ...opts });
}

/** "3.11" for an interpreter that runs, else null. */
function pythonVersion(cmd) {
  const r = run(cmd, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])']);
  return r.status === 0 ? r.stdout.trim() : null;
}

function findPython() {
  const fromEnv = process.env.NLP_PYTHON;
  if (fromEnv) {
    const v = pythonVersion(fromEnv);
    if (!v) throw new SetupError(`NLP_PYTHON=${fromEnv} does not run: point it at a Python 3.11 interpreter`);
    if (!SUPPORTED.includes(v)) throw new SetupError(`NLP_PYTHON=${fromEnv} is Python ${v}: point it at Python 3.11 (or 3.12)`);
    return fromEnv;
  }
  for (const cmd of ['python3.11', 'python3']) {
    const v = pythonVersion(cmd);
    if (v && SUPPORTED.includes(v)) return cmd;
  }
  throw new SetupError(
    'Python 3.11 is required for the NLP engine and was not found: install it (apt-get install python3.11 python3.11-venv) or set NLP_PYTHON=/path/to/python3.11',
  );
}

function requirementsStamp(python) {
  const digest = createHash('sha256').update(readFileSync(REQUIREMENTS)).digest('hex');
  // The interpreter's version is part of it: wheels built for 3.11 do not load in 3.12.
  return `${digest} python${pythonVersion(python) ?? '?'}\n`;
}

function lastLines(text, n = 3) {
  return text.trim().split('\n').slice(-n).join(' | ');
}

function createVenv(python) {
  rmSync(VENV, { recursive: true, force: true });
  const r = run(python, ['-m', 'venv', VENV]);
  if (r.status !== 0) {
    const output = `${r.stdout}${r.stderr}`;
    const hint = /ensurepip|venv/i.test(output)
      ? 'install the venv module (apt-get install python3.11-venv) or set NLP_PYTHON to a Python 3.11 that has it'
      : 'check that the interpreter works, or set NLP_PYTHON to another Python 3.11';
    throw new SetupError(`${python} -m venv .nlp/venv failed (${lastLines(output, 1)}): ${hint}`);
  }
}

function installRequirements() {
  // PIP_FIND_LINKS may point at a local wheel folder: the hashes in requirements.txt are the registry's wheels.
  const env = { ...process.env, PIP_FIND_LINKS: '', PIP_DISABLE_PIP_VERSION_CHECK: '1' };
  const args = ['-m', 'pip', 'install', '--no-input', '--require-hashes', '--no-deps', '--only-binary', ':all:', '-r', REQUIREMENTS];
  const r = run(VENV_PYTHON, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    throw new SetupError(`pip could not install nlp/requirements.txt (${lastLines(`${r.stdout}${r.stderr}`)}): check the network to the Python package registry and run npm install again`);
  }
}

function checkModel() {
  const r = run(VENV_PYTHON, [path.join(ROOT, 'nlp', 'worker.py'), '--check'], { stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new SetupError(`the installed model failed its check: ${lastLines(r.stderr, 2)}`);
  return r.stdout.trim();
}

function main() {
  if (process.env.NLP_URL) {
    say(`NLP_URL is set (${process.env.NLP_URL}): the engine runs elsewhere, nothing to prepare`);
    return;
  }
  const python = findPython();
  const stamp = requirementsStamp(python);
  if (existsSync(VENV_PYTHON) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) {
    say('.nlp/venv matches nlp/requirements.txt');
    return;
  }
  const started = Date.now();
  say(`creating .nlp/venv with ${python} and installing nlp/requirements.txt (spaCy + model, ~90 MB; first run only)`);
  rmSync(STAMP, { force: true }); // a half-done install must never look complete
  createVenv(python);
  installRequirements();
  const check = checkModel();
  writeFileSync(STAMP, stamp);
  say(`${check} — ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (err) {
  // One line with the fix; npm prints its own noise after it.
  console.error(`nlp setup: ${err instanceof SetupError ? err.message : (err?.stack ?? String(err))}`);
  process.exit(1);
}
