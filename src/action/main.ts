import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { checkToken } from '../pipeline/check-token.js';
import { escapeData } from './commands.js';
import { input } from './inputs.js';
import { runAction } from './run.js';

/**
 * The Action's entry (action.yml `main: dist/action.js`, bundled with no node_modules). Builds the real deps from the
 * process and sets `process.exitCode`; runAction reports its own errors, so the catch is a last resort.
 */
runAction(process.env, {
  write: (text) => void process.stdout.write(text),
  appendFile: (path, text) => appendFile(path, text, 'utf8'),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  checkToken,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const token = input(process.env, 'token');
    const text = error instanceof Error ? error.message : String(error);
    process.stdout.write(`::error title=crpat::${escapeData(`internal error: ${token ? text.split(token).join('***') : text}`)}\n`);
    process.exitCode = 1;
  },
);
