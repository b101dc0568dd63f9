import { UserError } from "../core/user-error";

/** A run refused for a reason the user can fix, said in one line on stderr; exit code 1. */
export class UsageError extends UserError {
  constructor(message: string) {
    super("refused", message);
  }
}

/** A command line that cannot be run as typed; exit code 2, with the usage. */
export class CommandLineError extends UserError {
  constructor(message: string) {
    super("command-line", message);
  }
}
