import { UserError } from "../../core/user-error";

/** Excel refused, in words already put for the person at the keyboard. */
export class PlainError extends UserError {
  constructor(message: string) {
    super("excel", message);
  }
}
