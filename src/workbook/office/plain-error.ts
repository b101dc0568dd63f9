/** An error already worded for the person at the keyboard. */
export class PlainError extends Error {}
