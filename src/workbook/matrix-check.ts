import { RiskMatrix, UserError } from "../core";
import { officeColour } from "./office/values";

/** A setting the person must change before it can be saved, worded for them. */
export class SettingsError extends UserError {
  constructor(message: string) {
    super("settings", message);
  }
}

/**
 * Check a custom risk matrix before it is saved, and write its colours as
 * "#RRGGBB": Excel refuses anything but that or a colour name, and the run
 * that found out would be a quarter too late. (Names are not taken: the
 * .xlsx file needs the code.) Labels must be present and distinct, as each
 * becomes a drop-down entry and a heading.
 */
export function checkRiskMatrix(matrix: RiskMatrix): RiskMatrix {
  const problems: string[] = [];
  const bands = matrix.bands.map((b) => {
    const colour = officeColour(b.colour);
    if (!colour?.startsWith("#")) problems.push(`The colour '${b.colour}' for '${b.name}' is not one Excel accepts: use a colour code such as #D55E00.`);
    return { ...b, colour: colour?.startsWith("#") ? colour : b.colour };
  });
  for (const [axis, labels] of [["likelihood", matrix.likelihoodLabels], ["impact", matrix.impactLabels]] as const) {
    if (labels.some((l) => !l.trim())) problems.push(`Every ${axis} level needs a label.`);
    const seen = new Set<string>();
    for (const l of labels) {
      const key = l.trim().toLowerCase();
      if (key && seen.has(key)) problems.push(`The ${axis} label '${l}' is used twice.`);
      seen.add(key);
    }
  }
  if (problems.length) throw new SettingsError(problems.join(" "));
  return { ...matrix, bands };
}
