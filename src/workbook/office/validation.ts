import { DataValidationPlan, columnLetter } from "../../core";

/** Excel's limit on a typed list ("a,b,c") in data validation. */
export const TYPED_LIST_LIMIT = 255;

/**
 * A typed list is split at every comma and may not pass 255 characters, so
 * a label with a comma in it, or a long list, goes in a helper column and
 * the rule points at that range instead.
 */
export function needsListRange(values: string[]): boolean {
  return values.some((v) => /[,"]/.test(v)) || values.join(",").length > TYPED_LIST_LIMIT;
}

/**
 * Add one validation rule. Returns the 0-based helper column it filled with
 * its list (to be hidden), or null when it needed none.
 */
export function addValidation(ws: Excel.Worksheet, v: DataValidationPlan, helperColumn: number): number | null {
  const dv = ws.getRange(v.ref).dataValidation;
  let helper: number | null = null;
  dv.ignoreBlanks = v.allowBlank;
  if (v.type === "list") {
    const values = v.values ?? [];
    let source = values.join(",");
    if (needsListRange(values)) {
      helper = helperColumn;
      const col = columnLetter(helper);
      const list = ws.getRangeByIndexes(0, helper, Math.max(1, values.length), 1);
      list.numberFormat = values.map(() => ["@"]);
      list.values = values.length ? values.map((x) => [x]) : [[""]];
      source = `=$${col}$1:$${col}$${Math.max(1, values.length)}`;
    }
    dv.rule = { list: { inCellDropDown: true, source } };
  } else {
    const [min, max] = [v.min ?? 0, v.max ?? 2_958_465];
    // Date bounds as formulas ("=36526"): a date rule takes ISO dates, references or formulas, never bare numbers.
    if (v.type === "date") dv.rule = { date: { formula1: `=${min}`, formula2: `=${max}`, operator: "Between" } };
    else dv.rule = { [v.type === "whole" ? "wholeNumber" : "decimal"]: { formula1: min, formula2: max, operator: "Between" } };
  }
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  if (v.error) dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.text };
  return helper;
}
