import { CellValue } from "../values";

/**
 * A template's furniture: what returns and registers carry besides their
 * data. None of it is ever counted as an item; each kind is reported once.
 */

/** Prompts wrapped in brackets or dashes: "< Select >", "[Enter text]", "-- Please choose --", "(select from list)". */
const WRAPPED_PROMPT = /^\s*(<|\[|\{|\(|-{2,})\s*(please\s+)?(select|choose|pick|enter|insert|type|add|click|tap|specify|fill)\b.*(>|\]|\}|\)|-{2,})\s*$/i;
/** Drop-down and content-control prompts as Excel and Word templates leave them: "Please select", "Select...", "Choose an item." */
const PROMPT = /^\s*(please\s+)?(select|choose)(\s*(\.{2,}|…)|\s+(an?|one|from|option|value|status|rating|item)\b[^.]*)?\s*\.?\s*$/i;
/** "Click here to enter text.", "Click or tap to enter a date." */
const CONTENT_CONTROL = /^\s*click( or tap)?( here)? to (enter|select|choose|add)\b.*$/i;
/** "Enter text here", "Insert date", "Type here". */
const ENTER_HERE = /^\s*(please\s+)?(enter|insert|type)\s+(text|value|date|here|name|details|description|number|amount|comments?)(\s+here)?\s*\.?\s*$/i;
/** Masks where a value goes: "dd/mm/yyyy", "xx/xx/xxxx", "xxx", "???", "###". */
const MASK = /^\s*(dd\/mm\/yy(yy)?|xx\/xx\/xx(xx)?|x{3,}|\?{2,}|#{3,})\s*$/i;

/**
 * The characters every placeholder above can start with (after white space):
 * a bracket or dash, or the first letter of please, select, choose, click,
 * enter, insert, type, dd/mm or xxx, or ? or #. Most cells start otherwise,
 * and are settled by this table without five regular expressions (a long
 * extract has millions of text cells).
 */
const LEADS = (() => {
  const t = new Uint8Array(128);
  for (const ch of "<[{(-pscietdx?#PSCIETDX") t[ch.charCodeAt(0)] = 1;
  return t;
})();

/**
 * The first two letters (lower case) of every placeholder that starts with
 * a letter: please, select, choose, click, enter, insert, type, dd/mm, xx.
 * Titles starting "Percentage…" or "Satisfaction…" are settled here too.
 */
const LETTER_PAIRS = new Set(["pl", "se", "ch", "cl", "en", "in", "ty", "dd", "xx"].map((p) => p.charCodeAt(0) * 128 + p.charCodeAt(1)));

function mayBePlaceholder(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    // Past ASCII (a Unicode space, say): the patterns decide.
    if (c > 127) return true;
    if (LEADS[c] !== 1) return false;
    // A bracket, dash, ? or # leads; a letter only with the next one making one of the pairs (`| 32`: a letter in lower case).
    const letter = (c | 32) >= 97 && (c | 32) <= 122;
    return !letter || LETTER_PAIRS.has((c | 32) * 128 + (v.charCodeAt(i + 1) | 32));
  }
  return false;
}

/** A cell holding a template's placeholder rather than a value. */
export function isPlaceholder(v: CellValue | undefined): boolean {
  if (typeof v !== "string" || v.length > 60 || !mayBePlaceholder(v)) return false;
  return WRAPPED_PROMPT.test(v) || PROMPT.test(v) || CONTENT_CONTROL.test(v) || ENTER_HERE.test(v) || MASK.test(v);
}

/**
 * A worked example: "Example", "Example of how to complete", "e.g. R001",
 * "EXAMPLE - delete this row", "Sample risk"; not an indicator called
 * "Sample size of the survey".
 */
const EXAMPLE = /^\s*[[(]?\s*(e\.g\.|eg\b|for example|worked example|illustrative example|(example|sample)(?=\s*(\d|[:\-–—).\]]|$|of\b|row\b|entry\b|only\b|data\b|risk\b|project\b|action\b|item\b|indicator\b|line\b|measure\b|milestone\b)))/i;

export function isExampleText(v: CellValue | undefined): boolean {
  return typeof v === "string" && EXAMPLE.test(v);
}

/** An instruction, a format to use, or a note in brackets, as templates write under their headers. */
const GUIDANCE = /^\s*(\(.*\)|\[.*\]|(please\s+)?(enter|insert|select|choose|provide|describe|state|give|list|use|type|include|record|explain|specify|detail|summarise|summarize|outline|identify|input|confirm)\b.*|.*\b(drop[- ]?down|dd\/mm\/yy(yy)?|from the list|as a percentage|in £)\b.*)\s*$/i;

export function isGuidanceText(v: CellValue | undefined): boolean {
  return typeof v === "string" && GUIDANCE.test(v);
}
