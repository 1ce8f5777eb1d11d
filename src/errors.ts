/** Bad input: nothing was checked. The CLI prints the message on one line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The user cancelled a prompt or pressed Ctrl-C. The CLI prints "Cancelled." and exits 2. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('Cancelled.');
  }
}
