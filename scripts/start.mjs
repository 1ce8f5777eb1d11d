#!/usr/bin/env node
// `npm start`: the newcomer's one command. With no arguments and no CR_PAT it runs the offline demo against the
// bundled simulator; otherwise it is `crpat` with the same arguments (CR_PAT=... npm start -- --repo owner/name).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const bin = fileURLToPath(new URL('../bin/crpat.js', import.meta.url));
const demo = args.length === 0 && !process.env.CR_PAT;
const result = spawnSync(process.execPath, [bin, ...(demo ? ['demo'] : args)], { stdio: 'inherit' });
process.exitCode = result.status ?? 3;
