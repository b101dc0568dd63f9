import { PlanValue, toSerial } from "../../core";

/**
 * Text that Excel would turn into something else if written to a General
 * cell through `range.values`, which Excel parses like typing: a formula
 * (=, +, -, @), a number ("0012", "1,234", "55.07"), a percentage, a date
 * or time ("1-2", "Mar-22", "31/03/2022", "10:30"), a boolean or an error
 * ("#N/A"). Such text gets the Text number format ("@") before its value.
 * Erring wide is harmless (any short text with a digit qualifies); long
 * text is left General, as Excel shows Text-formatted cells of 256–1,024
 * characters as ####.
 */
export function needsTextFormat(s: string): boolean {
  return /^[=+\-@#\t\r]/.test(s) || (s.length <= 255 && /\d/.test(s)) || /^\s*(true|false)\s*$/i.test(s);
}

/** A plan value as Office.js writes it: dates as serial numbers, formulas with "=", links as their text. */
export function officeValue(v: PlanValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return v;
  if ("formula" in v) return `=${v.formula}`;
  if ("date" in v) {
    const [year, month, day] = v.date.split("-").map(Number);
    return toSerial({ year, month, day });
  }
  return v.text;
}

/** The number format a value needs so that Excel keeps it as written, if any. */
export function formatFor(v: PlanValue): string | null {
  if (typeof v === "string" && needsTextFormat(v)) return "@";
  if (v && typeof v === "object" && "date" in v) return "dd/mm/yyyy";
  return null;
}

// The HTML colour names Excel accepts alongside #RRGGBB (CSS level 3 named colours).
const NAMED = new Set(("aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral " +
  "cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred " +
  "darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite " +
  "forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen " +
  "lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray " +
  "lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue " +
  "mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid " +
  "palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple red rosybrown royalblue saddlebrown salmon sandybrown " +
  "seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke " +
  "yellow yellowgreen").split(" "));

/**
 * A colour as Excel takes it — "#RRGGBB" or an HTML colour name — from the
 * spellings people type ("#abc", "D55E00", an ARGB "FFD55E00"), or null if
 * it is not a colour at all.
 */
export function officeColour(c: string): string | null {
  const s = c.trim();
  if (NAMED.has(s.toLowerCase())) return s.toLowerCase();
  const hex = s.replace(/^#/, "");
  if (/^[0-9a-f]{6}$/i.test(hex)) return `#${hex.toUpperCase()}`;
  if (/^[0-9a-f]{8}$/i.test(hex)) return `#${hex.slice(2).toUpperCase()}`;
  if (/^[0-9a-f]{3}$/i.test(hex)) return `#${[...hex].map((d) => d + d).join("").toUpperCase()}`;
  return null;
}
