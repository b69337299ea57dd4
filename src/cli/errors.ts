// Exit codes and the errors that map to them (ESLint / secretlint convention).
export const EXIT = {
  /** The scan ran to the end. */
  OK: 0,
  /** Reserved for --fail-on: findings at or above the threshold. */
  FOUND: 1,
  /** Wrong usage, unreadable rules or roots, or another fatal error. */
  FATAL: 2,
} as const;

/** A problem the user can fix (bad flag value, missing path): printed as one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
