import { VERSION } from '../version.js';

/**
 * The `crpat` binary (bin/crpat.js imports the bundle of this file). Sets `process.exitCode` and lets the process end
 * by itself; Ctrl-C during the checks aborts them and ends with "Cancelled." and exit 2.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // `crpat --version` loads nothing but this file and the version: Node's own start is the whole cost (issue 17).
  // run() answers it too, for the library's and the tests' callers.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const [{ SHOW_CURSOR }, { createNodeDeps }, { run }] = await Promise.all([import('./progress.js'), import('./node-deps.js'), import('./run.js')]);
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
    process.exitCode = await run(argv, createNodeDeps(controller.signal));
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

main().catch(async (error: unknown) => {
  // run() reports its own errors; this is only for a failure before it could (building the dependencies).
  const { errorMessage } = await import('./run.js');
  process.stderr.write(errorMessage(error, process.env));
  process.exitCode = 3;
});
