import { Polarity } from "../polarity";
import { Side } from "./side";

/** The NHS variation icons' meanings, and the colours the NHS tools give them. */
export type Variation =
  | "Common cause"
  | "Special cause improvement"
  | "Special cause concern"
  | "Special cause neither";

export const VARIATION_COLOUR: Record<Variation, string> = {
  "Common cause": "#A6A6A6", // grey
  "Special cause improvement": "#00B0F0", // blue
  "Special cause concern": "#E46C0A", // orange
  "Special cause neither": "#490092", // purple
};

/** Whether a special cause on this side is good news, by polarity. */
export function variationOf(side: Side | null, polarity: Polarity | null): Variation {
  if (side === null) return "Common cause";
  if (polarity === "Maximise") return side === "high" ? "Special cause improvement" : "Special cause concern";
  if (polarity === "Minimise") return side === "low" ? "Special cause improvement" : "Special cause concern";
  return "Special cause neither";
}

/** Cell styles for the variation and assurance words: the NHS colours, with text that stays readable on them. */
export const VARIATION_STYLE: Record<Variation, { fill: string; font: string }> = {
  "Common cause": { fill: VARIATION_COLOUR["Common cause"], font: "#000000" },
  "Special cause improvement": { fill: VARIATION_COLOUR["Special cause improvement"], font: "#000000" },
  "Special cause concern": { fill: VARIATION_COLOUR["Special cause concern"], font: "#000000" },
  "Special cause neither": { fill: VARIATION_COLOUR["Special cause neither"], font: "#FFFFFF" },
};

export const ASSURANCE_STYLE: Record<string, { fill: string; font: string }> = {
  "Consistently passing": VARIATION_STYLE["Special cause improvement"],
  "Consistently failing": VARIATION_STYLE["Special cause concern"],
  "Hit and miss": VARIATION_STYLE["Common cause"],
};

export type Assurance = "Consistently passing" | "Consistently failing" | "Hit and miss" | "No target";

/**
 * Can the process be relied on to meet its target? Only when the target lies
 * outside the process limits is the answer a firm yes or no.
 */
export function assuranceOf(target: number | null, upper: number, lower: number, polarity: Polarity | null): Assurance {
  if (target === null || !Number.isFinite(target) || polarity === null || polarity === "Goldilocks") return "No target";
  if (polarity === "Maximise") {
    if (target < lower) return "Consistently passing";
    if (target > upper) return "Consistently failing";
  } else {
    if (target > upper) return "Consistently passing";
    if (target < lower) return "Consistently failing";
  }
  return "Hit and miss";
}
