import { parseRange, columnIndex } from "../../core";
import { OwnedRuleRef } from "../port";

/**
 * A rule's formula in a form that does not depend on where it is anchored:
 * each relative row or column becomes an offset from the anchor cell
 * (R[0]C5 for $E2 anchored at row 2), absolute parts stay as they are, and
 * case and spaces outside quoted text are ignored. Rows inserted above a
 * rule move its range and its references together, so this form stays the
 * same; reading the formula through another range (office-js #5194) is
 * undone by giving that range's top-left cell as the anchor.
 */
export function anchoredForm(formula: string, anchorRow: number, anchorCol: number): string {
  return formula.replace(/^=/, "").split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 ? part : part.replace(/\s+/g, "").toUpperCase().replace(
    /(?<![A-Z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Z_])/g,
    (_m, colAbs: string, col: string, rowAbs: string, row: string) => {
      const c = columnIndex(col);
      const r = Number(row) - 1;
      return `R${rowAbs ? r : `[${r - anchorRow}]`}C${colAbs ? c : `[${c - anchorCol}]`}`;
    },
  ))).join("");
}

/** Areas of an address list such as "Sheet1!E2:E10,Sheet1!E12:E50" (sheet names may hold commas, so match each area). */
export function addressAreas(address: string): { top: number; left: number; bottom: number; right: number }[] {
  return [...address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/gi)].map((m) => parseRange(m[1])!).filter(Boolean);
}

/**
 * Whether a custom rule found on a sheet is one the product added: the
 * same formula (anchored at the rule's own range) as one it recorded, on a
 * range within the same columns. A council's own rule — another formula,
 * or the same test over a wider range — never matches, wherever it sits.
 */
export function isOwnedRule(rule: { formulaAtA1: string; areas: { left: number; right: number }[] }, owned: OwnedRuleRef[]): boolean {
  const form = anchoredForm(rule.formulaAtA1, 0, 0);
  return owned.some((o) => {
    const r = parseRange(o.ref);
    if (!r || !rule.areas.length) return false;
    if (rule.areas.some((a) => a.left !== r.left || a.right !== r.right)) return false;
    return o.formulas.some((f) => anchoredForm(f, r.top, r.left) === form);
  });
}
