/** Bad input: nothing was checked. The CLI prints the message on one line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * crpat refused to go on for a reason that is not bad input and decides nothing about the token (for example TLS
 * verification turned off): the CLI prints the message on one line and exits 3.
 */
export class InconclusiveError extends Error {
  override readonly name = 'InconclusiveError';
}

/** The user cancelled a prompt or pressed Ctrl-C. The CLI prints "Cancelled." and exits 2. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('Cancelled.');
  }
}
