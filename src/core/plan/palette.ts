import { Status } from "../status";
import { PlanStyle, CfStyle } from "./types";

/**
 * Fills from the Okabe–Ito palette, lightened so dark text stays readable:
 * the hues stay distinguishable for the common colour-vision deficiencies,
 * and the status word is always written too.
 */
export const STATUS_STYLE: Record<Status, CfStyle> = {
  Green: { fill: "#BFE6D5", font: "#00402C" }, // bluish green
  Amber: { fill: "#F9DDA6", font: "#4D3300" }, // orange
  Red: { fill: "#F2B99C", font: "#5C1A00" }, // vermillion
  Complete: { fill: "#B7D7EE", font: "#00304D" }, // blue
  "In progress": { fill: "#F2F2F2", font: "#262626" },
  "Not started": { fill: "#F2F2F2", font: "#262626" },
  "Data only": { fill: "#E7E6E6", font: "#262626" },
  "No data": { fill: "#E7E6E6", font: "#262626" },
  Check: { fill: "#EBC7DC", font: "#4D0F33" }, // reddish purple
  "Not rated": { fill: "#EBC7DC", font: "#4D0F33" },
};

export const BAND_STYLE: Record<string, CfStyle> = {
  High: { fill: "#F2B99C", font: "#5C1A00" },
  Medium: { fill: "#F9DDA6", font: "#4D3300" },
  Low: { fill: "#C6E3F5", font: "#00304D" },
  // Registers that name their levels by RAG colour.
  Red: { fill: "#F2B99C", font: "#5C1A00" },
  Amber: { fill: "#F9DDA6", font: "#4D3300" },
  Green: { fill: "#BFE6D5", font: "#00402C" },
};

export const YES_NO_STYLE = { Yes: STATUS_STYLE.Green, No: STATUS_STYLE.Red };

export const TREND_STYLE: Record<string, CfStyle> = {
  Improving: { font: "#005A8C", bold: true },
  Worsening: { font: "#A33B00", bold: true },
};

/** "On course for target?": the phrase's first words (see targetCourse). */
export const COURSE_STYLE: Record<string, CfStyle> = {
  "Target met": STATUS_STYLE.Green,
  "On course": STATUS_STYLE.Green,
  "Not on course": STATUS_STYLE.Red,
  "Target date passed": STATUS_STYLE.Red,
  "No target date": STATUS_STYLE.Amber,
};

export const STYLES = {
  title: { bold: true, size: 14 } as PlanStyle,
  subtitle: { bold: true, size: 12 } as PlanStyle,
  note: { italic: true, font: "#595959" } as PlanStyle,
  header: { bold: true, fill: "#D9D9D9", border: true, wrap: true, vAlign: "top" } as PlanStyle,
  body: { border: true, wrap: true, vAlign: "top" } as PlanStyle,
};
