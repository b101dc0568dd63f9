/**
 * String-level helpers for the few package parts the product edits in place
 * (workbook.xml, styles.xml, relationships, content types, a sheet's colour
 * rules). Parsing them into a DOM and serialising again would rewrite the
 * council's markup; editing the text touches only what must change.
 */

/** The inside of a start tag, allowing ">" inside quoted attribute values. */
export const TAG_BODY = `(?:[^>"']|"[^"]*"|'[^']*')*`;

/** Every `<name …/>` or `<name …>…</name>` element (not nested in itself), in order. */
export function elements(xml: string, name: string): string[] {
  return xml.match(elementPattern(name)) ?? [];
}

export function elementPattern(name: string, flags = "g"): RegExp {
  return new RegExp(`<${name}\\b${TAG_BODY}/>|<${name}\\b${TAG_BODY}>[\\s\\S]*?</${name}>`, flags);
}

export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"|\\s${name}='([^']*)'`).exec(startTag(tag));
  return m ? decodeXml(m[1] ?? m[2]) : null;
}

/** The tag with one attribute set (added when absent), touching only the start tag. */
export function setAttr(tag: string, name: string, value: string | number): string {
  const start = startTag(tag);
  const re = new RegExp(`(\\s${name}=)("[^"]*"|'[^']*')`);
  const next = re.test(start)
    ? start.replace(re, `$1"${escapeXml(String(value))}"`)
    : start.replace(/(\s*\/?>)$/, ` ${name}="${escapeXml(String(value))}"$1`);
  return next + tag.slice(start.length);
}

function startTag(tag: string): string {
  return new RegExp(`^<${TAG_BODY}>`).exec(tag)?.[0] ?? tag;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MARKUP = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Characters XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Such a character written as Excel writes it, `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): a vertical tab is _x000B_. */
export function encodeNonXml(s: string): string {
  return s.replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

export function escapeXml(s: string): string {
  // Most text has nothing to escape: one test instead of five replacements. (Five native replacements beat one
  // with a callback per match on text full of quotes, such as the stored settings' JSON: 17 ms against 35.)
  if (!MARKUP.test(s)) return s;
  return encodeNonXml(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|apos|lt|gt|amp);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { quot: '"', apos: "'", lt: "<", gt: ">", amp: "&" }[e] ?? "";
  });
}

/** A part's path from a relationship target, which is relative to the source part unless it starts with "/". */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The relationships part that belongs to a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPath(part: string): string {
  return part.replace(/([^/]+)$/, "_rels/$1.rels");
}
