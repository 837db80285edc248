// Errors that map to exit codes, the CLI's contract that README documents (under
// `statebench run`): 2 bad input, 3 internal error.

/** Bad input: the CLI prints the message as one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;
