/**
 * What a user can be told went wrong, in one plain sentence, with a kind a
 * host can act on (the command line's exit code, the pane's notice). Every
 * failure the product expects is one of these; anything else is a fault.
 */
export type UserErrorKind =
  /** The command as typed cannot be run (exit code 2). */
  | "command-line"
  /** A file that cannot be used: not a workbook, damaged, protected, nothing to report on. */
  | "file"
  /** An output that cannot be written where asked (permissions, a full or read-only disk). */
  | "write"
  /** The workbook's stored settings cannot be used or saved. */
  | "settings"
  /** Returns that cannot be collected as asked. */
  | "returns"
  /** Excel refused an operation (inside Excel). */
  | "excel"
  /** A run refused for a reason the user can fix (an output that is an input, a period not understood). */
  | "refused"
  /** The user cancelled; nothing was written. */
  | "cancelled";

export class UserError extends Error {
  constructor(readonly kind: UserErrorKind, message: string) {
    super(message);
    this.name = "UserError";
  }
}

export function isUserError(e: unknown, kind?: UserErrorKind): e is UserError {
  return e instanceof UserError && (kind === undefined || e.kind === kind);
}
