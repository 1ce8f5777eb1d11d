// `npm run lint`: the three guards at once (two cores; ESLint's type-aware pass is the long one), each one's output
// printed whole when it ends, then one line per guard. Exits non-zero when any guard fails.
import { spawn } from 'node:child_process';

const GUARDS = [
  { name: 'eslint', args: ['eslint', '.'] },
  { name: 'knip', args: ['knip', '--no-progress'] },
  { name: 'dependency-cruiser', args: ['depcruise', 'src'] },
];

function run({ name, args }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', ...args], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, code: 1, output: String(error), seconds: 0 }));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

const results = await Promise.all(GUARDS.map((guard) => run(guard)));
for (const result of results) if (result.output.trim()) process.stdout.write(`== ${result.name}\n${result.output.trimEnd()}\n`);
for (const result of results) {
  console.log(`${result.code === 0 ? 'ok  ' : 'FAIL'} ${result.name} (${result.seconds.toFixed(1)} s)`);
}
process.exitCode = results.every((result) => result.code === 0) ? 0 : 1;
