import { Report } from "../../report/types";
import { draftNarrative } from "../../narrative";
import { SheetBuilder } from "../builder";
import { SheetPlan } from "../types";
import { STYLES } from "../palette";
import { periodNoun } from "../../periods";

/** The draft commentary: the report's standard sentences, one paragraph per row, to edit and paste. */
export function commentarySheet(report: Report, name: string): SheetPlan {
  const b = new SheetBuilder("commentary", name, [110]);
  b.title(`Draft commentary${report.periodLong ? `: ${report.periodLong}` : ""}`);
  b.note(`Drafted from this ${periodNoun(report.periodKind)}'s results. Check and edit before it goes into the report.`);
  if (report.stored?.action === "reprinted") b.note(report.stored.text);
  for (const p of draftNarrative(report)) {
    b.blank();
    b.subtitle(p.heading);
    for (const s of p.sentences) {
      const row = b.nextRow;
      b.setRow(row, 0, [s]);
      b.styleCell(row, 0, { ...STYLES.body, border: false });
      b.fitRow(row);
    }
  }
  return b.build();
}
