// `node --import ./test/helpers/load-recorder.mjs …`: prints `crpat-load <file>` on stderr for every module of the
// built dist/ that the process loads, so a test can see what a command costs to start (test/integration/lazy-load.test.ts).
// At exit it also prints `crpat-load node:undici` if Node's fetch module was loaded (the first touch of the global
// fetch, Headers, Response or Request loads it: ~40 ms of CPU in Node 20).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function load(url, context, next) {
  const at = url.indexOf('/dist/');
  if (at !== -1) process._rawDebug('crpat-load ' + url.slice(at + 6));
  return next(url, context);
}`)}`,
);

process.on('exit', () => {
  if (process.moduleLoadList.some((name) => name.includes('undici'))) process._rawDebug('crpat-load node:undici');
});
