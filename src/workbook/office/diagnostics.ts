/**
 * Capability checks run in the person's own Excel, on a temporary sheet
 * that is removed afterwards: each behaviour the add-in relies on (and the
 * strict fake models, docs/excel-behaviours.md) is tried against the real
 * API and reported with Excel's own error code. The pane's Diagnostics and
 * `npm run test:excel` run the same checks.
 */

export interface Check {
  name: string;
  passed: boolean;
  /** What Excel did, in a few words, or its error. */
  detail: string;
  code?: string;
}

export interface DiagnosticReport {
  when: string;
  /** The add-in's own version (package.json's), as the admin centre shows it. */
  addin?: string;
  host: { platform: string; version: string };
  requirementSets: Record<string, boolean>;
  checks: Check[];
}

type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

const SHEET = "~cpe diagnostics";
const SETS = ["1.9", "1.11", "1.12", "1.13", "1.14", "1.20"];

/** A check: does its work on the scratch sheet and returns what it saw, or throws. */
type Probe = { name: string; needs?: string; run: (ctx: Excel.RequestContext, ws: Excel.Worksheet) => Promise<string> };

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, Excel gave ${JSON.stringify(actual)}`);
}

/**
 * Runs `step`, which Excel must refuse. The add-in depends on the refusal,
 * not on its code (Excel for Mac has given another code than the one
 * documented, office-js #365), so any code passes and the report says which.
 */
async function expectRefusal(documented: string, step: () => Promise<void>): Promise<string> {
  try {
    await step();
  } catch (e) {
    const got = (e as { code?: string }).code ?? "no code";
    return got === documented ? `refused with ${got}, as documented` : `refused with ${got} (documented: ${documented})`;
  }
  throw new Error(`was accepted; the add-in expects Excel to refuse it (documented: ${documented})`);
}

const PROBES: Probe[] = [
  {
    name: "Text written into a Text (@) cell stays text",
    run: async (ctx, ws) => {
      const written = ws.getRange("A1:A3");
      written.numberFormat = [["@"], ["@"], ["@"]];
      written.values = [["0012"], ["55.07"], ["=1+1"]];
      const textCells = ws.getRange("A1:A3").load("values");
      await ctx.sync();
      expectEqual(textCells.values, [["0012"], ["55.07"], ["=1+1"]], "values");
      return "kept as written";
    },
  },
  {
    name: "Text written into a General cell is read like typing",
    run: async (ctx, ws) => {
      ws.getRange("B1:B2").values = [["0012"], ["90%"]];
      const generalCells = ws.getRange("B1:B2").load("values");
      await ctx.sync();
      expectEqual(generalCells.values, [[12], [0.9]], "values");
      return "\"0012\" became 12 and \"90%\" 0.9, as modelled";
    },
  },
  {
    name: "Date validation with formula bounds",
    needs: "1.8",
    run: async (ctx, ws) => {
      ws.getRange("C2:C5").dataValidation.rule = { date: { formula1: "=36526", formula2: "=73050", operator: "Between" } };
      await ctx.sync();
      return "accepted";
    },
  },
  {
    name: "Date validation refuses a bare number",
    needs: "1.8",
    run: (ctx, ws) => expectRefusal("InvalidArgument", async () => {
      ws.getRange("C6:C7").dataValidation.rule = { date: { formula1: "36526", formula2: "73050", operator: "Between" } };
      await ctx.sync();
    }),
  },
  {
    name: "List validation from a range",
    needs: "1.8",
    run: async (ctx, ws) => {
      ws.getRange("H1:H2").values = [["Low, some risk"], ["High"]];
      ws.getRange("D2:D5").dataValidation.rule = { list: { inCellDropDown: true, source: "=$H$1:$H$2" } };
      await ctx.sync();
      return "accepted";
    },
  },
  {
    name: "A colour rule's formula reads back relative to the range it is fetched through",
    needs: "1.6",
    run: async (ctx, ws) => {
      const cf = ws.getRange("E2:E5").conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=$E2="x"';
      cf.custom.format.fill.color = "#D55E00";
      await ctx.sync();
      const all = ws.getRange().conditionalFormats.load("items/type");
      await ctx.sync();
      const rules = all.items.map((c) => ({ formula: c.custom.rule.load("formula"), own: c.getRangeOrNullObject().load("address") }));
      await ctx.sync();
      const found = rules.find((r) => !r.own.isNullObject && r.own.address.endsWith("!E2:E5"));
      if (!found) throw new Error(`rule on E2:E5 not found among ${rules.length}`);
      expectEqual(found.formula.formula, '=$E1="x"', "formula read through the whole sheet");
      return "read relative to A1 ($E1), as office-js #5194 says";
    },
  },
  {
    name: "Copying cells carries colour rules",
    needs: "1.9",
    run: async (ctx, ws) => {
      ws.getRange("F2:F5").copyFrom(ws.getRange("E2:E5"), "All");
      const cfs = ws.getRange("F2:F5").conditionalFormats.load("items/type");
      await ctx.sync();
      if (!cfs.items.length) throw new Error("no rule on the copied cells");
      return `${cfs.items.length} rule(s) on the copy`;
    },
  },
  {
    name: "Clearing cells (All) and their rules",
    needs: "1.6",
    run: async (ctx, ws) => {
      const copied = ws.getRange("F2:F5");
      copied.clear("All");
      const left = copied.conditionalFormats.load("items/type");
      await ctx.sync();
      const note = left.items.length ? "clear(All) kept the rules" : "clear(All) removed the rules";
      copied.conditionalFormats.clearAll();
      const after = copied.conditionalFormats.load("items/type");
      await ctx.sync();
      expectEqual(after.items.length, 0, "rules after clearAll");
      return `${note}; clearAll removed them`;
    },
  },
  {
    name: "A very hidden sheet cannot be deleted",
    run: async (ctx) => {
      const hidden = ctx.workbook.worksheets.add(`${SHEET} hidden`);
      hidden.visibility = "VeryHidden";
      await ctx.sync();
      try {
        return await expectRefusal("InvalidOperation", async () => {
          ctx.workbook.worksheets.getItem(`${SHEET} hidden`).delete();
          await ctx.sync();
        });
      } finally {
        const again = ctx.workbook.worksheets.getItem(`${SHEET} hidden`);
        again.visibility = "Hidden";
        again.delete();
        await ctx.sync();
      }
    },
  },
  {
    name: "Colours as #RRGGBB",
    run: async (ctx, ws) => {
      ws.getRange("G1").format.fill.color = "#D55E00";
      await ctx.sync();
      return "accepted";
    },
  },
  {
    name: "A 1 MB request",
    run: async (ctx, ws) => {
      const rows = 2_000;
      const values = Array.from({ length: rows }, (_, i) => [`${i} ${"x".repeat(500)}`]);
      const big = ws.getRangeByIndexes(10, 9, rows, 1);
      big.numberFormat = values.map(() => ["@"]);
      big.values = values;
      await ctx.sync();
      return "sent in one request";
    },
  },
];

/** Run every check on a scratch sheet in its own request context, and remove the sheet. */
export async function runDiagnostics(run: Run, env: { platform: string; version: string; addin?: string; isSetSupported: (set: string, v: string) => boolean }): Promise<DiagnosticReport> {
  const requirementSets = Object.fromEntries(SETS.map((v) => [`ExcelApi ${v}`, env.isSetSupported("ExcelApi", v)]));
  const checks: Check[] = [];
  const name = `${SHEET} ${Date.now() % 100000}`.slice(0, 31);
  await run(async (ctx) => {
    ctx.workbook.worksheets.add(name);
    await ctx.sync();
  });
  try {
    for (const p of PROBES) {
      if (p.needs && !env.isSetSupported("ExcelApi", p.needs)) {
        checks.push({ name: p.name, passed: true, detail: `skipped: needs ExcelApi ${p.needs}` });
        continue;
      }
      try {
        const detail = await run((ctx) => p.run(ctx, ctx.workbook.worksheets.getItem(name)));
        checks.push({ name: p.name, passed: true, detail });
      } catch (e) {
        const err = e as { code?: string; message?: string };
        checks.push({ name: p.name, passed: false, detail: err.message ?? String(e), code: err.code });
      }
    }
  } finally {
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).delete();
      await ctx.sync();
    });
  }
  return { when: new Date().toISOString(), addin: env.addin, host: { platform: env.platform, version: env.version }, requirementSets, checks };
}

/** The report as plain text for an email to support. */
export function reportText(r: DiagnosticReport): string {
  const sets = Object.entries(r.requirementSets).map(([k, v]) => `${k}: ${v ? "yes" : "no"}`).join(", ");
  const lines = r.checks.map((c) => `${c.passed ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}${c.code ? ` [${c.code}]` : ""}`);
  const failed = r.checks.filter((c) => !c.passed).length;
  return [
    "Council Performance diagnostics",
    `When: ${r.when}`,
    ...(r.addin ? [`Add-in version: ${r.addin}`] : []),
    `Excel: ${r.host.platform} ${r.host.version}`,
    `Requirement sets: ${sets}`,
    `${r.checks.length - failed} of ${r.checks.length} checks passed`,
    "",
    ...lines,
  ].join("\n");
}
