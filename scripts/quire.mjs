#!/usr/bin/env node
// `npm run quire -- <command>`: runs the native quire binary, building it
// first if it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'build/native/quire');
if (!existsSync(bin)) {
  const built = spawnSync('bash', [path.join(root, 'scripts/build.sh')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(2);
}
// npm runs scripts from the package root; keep the caller's directory.
const cwd = process.env.INIT_CWD || process.cwd();
const run = spawnSync(bin, process.argv.slice(2), { stdio: 'inherit', cwd });
process.exit(run.status ?? 2);
