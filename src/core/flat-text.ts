/**
 * A template literal made as one flat string: `flat\`Red: ${v} against target ${t}\``.
 * V8 keeps an ordinary template's result as a tree of its pieces (about 250
 * bytes for a status's reason, where the text itself takes 90) for as long
 * as the string lives; texts kept for every indicator until the save are
 * built this way. Values are turned into text as a template would.
 */
export function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  // Joined piece by piece (no array of the parts), then made flat: reading a character of a string
  // still in pieces copies it into one, and the pieces are left to the garbage collector.
  let text = strings[0];
  for (let i = 0; i < values.length; i++) text += String(values[i]) + strings[i + 1];
  text.charCodeAt(0);
  return text;
}
