import { SHOW_CURSOR } from './progress.js';
import { createNodeDeps } from './node-deps.js';
import { errorMessage, run } from './run.js';

/**
 * The `crpat` binary (bin/crpat.js imports the bundle of this file). Sets `process.exitCode` and lets the process end
 * by itself; Ctrl-C during the checks aborts them and ends with "Cancelled." and exit 2.
 */
async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupted = false;
  const onSigint = (): void => {
    if (process.stderr.isTTY) process.stderr.write(SHOW_CURSOR);
    if (interrupted) process.exit(2); // a second Ctrl-C: the user means it
    interrupted = true;
    controller.abort();
    // Requests in flight may hold the event loop for up to the timeout; everything is printed, so let them go.
    setTimeout(() => process.exit(2), 1000).unref();
  };
  process.on('SIGINT', onSigint);
  // SIGTERM (a service manager, `kill`) ends a run the same way; `crpat simulator` then closes its servers.
  process.on('SIGTERM', onSigint);
  // `crpat | head -1`: a reader that went away is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  try {
    process.exitCode = await run(process.argv.slice(2), createNodeDeps(controller.signal));
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

main().catch((error: unknown) => {
  // run() reports its own errors; this is only for a failure before it could (building the dependencies).
  process.stderr.write(errorMessage(error, process.env));
  process.exitCode = 3;
});
