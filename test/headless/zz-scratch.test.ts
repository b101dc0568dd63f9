import { writeFileSync } from "fs";
import { excelShapedWorkbook } from "../helpers/excel-shaped";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { summarise } from "../../src/workbook/summarise";

it("scratch", async () => {
  for (const [name, shape] of Object.entries({ strict: { strict: true, chart: true } })) {
    const data = await excelShapedWorkbook(shape);
    writeFileSync(`/tmp/i13/${name}.xlsx`, data);
    try {
      const wb = await XlsxWorkbook.open(data);
      const r = await summarise(wb, { formatSource: true });
      console.log(name, (await wb.listSheets()).map((s) => s.name), r.report.datasets.map((d) => `${d.sheet}:${d.kind}:${d.rowsIn}`), r.error);
      const saved = await wb.save();
      console.log(name, saved.method, saved.lost);
      writeFileSync(`/tmp/i13/${name}-out.xlsx`, saved.data);
    } catch (e) { console.log(name, "FAILED", (e as Error).message); }
  }
});
