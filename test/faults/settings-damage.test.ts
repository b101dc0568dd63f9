/**
 * Fault suite: the hidden settings and history when someone or something
 * damages them, a newer version wrote them, or they are lost with the sheets
 * copied elsewhere. Nothing stored is ever dropped or saved over; the
 * product's own sheets are never read as the council's data.
 */
import { readFileSync, writeFileSync, existsSync } from "fs";
import { join } from "path";
import { tempDir, runCli, SAMPLE } from "../helpers/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/workbook";
import { SettingsCopy } from "../../src/workbook/port";
import { parseSettings, serialiseSettings, emptySettings, PeriodRecord, PublishedItem, itemsOfObject, PERIODS_WITH_ITEMS, PERIODS_WITH_COMMENTARY, shortFingerprint, Trend } from "../../src/core";
import { SummaryJson } from "../../src/workbook/summarise";
import { OWN_SHEET_NAME } from "../../src/workbook/own-sheets";
import { zipFiles } from "../../src/workbook/xlsx/parts";

const dir = tempDir();

async function settingsOf(path: string, copy: SettingsCopy = "current"): Promise<string | null> {
  return (await XlsxWorkbook.open(new Uint8Array(readFileSync(path)))).readSettings(copy);
}

/** The file with the current settings text replaced, as a hand edit of the hidden sheet would leave it. */
async function tampered(from: string, name: string, change: (text: string) => string): Promise<string> {
  const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(from)));
  await wb.writeSettings(change((await wb.readSettings())!), "current");
  const out = join(dir, name);
  writeFileSync(out, (await wb.save()).data);
  return out;
}

async function summarise(input: string, out: string, period: string, extra: string[] = []) {
  const r = await runCli(["summarise", input, "--out", join(dir, out), "--period", period, "--json", ...extra]);
  return { ...r, out: join(dir, out), json: r.code === 0 ? (JSON.parse(r.stdout) as SummaryJson) : null };
}

describe("settings that survive damage", () => {
  let twoQuarters: string;
  beforeAll(async () => {
    const q4 = await summarise(SAMPLE, "q4.xlsx", "Q4 2020/21");
    expect(q4.code).toBe(0);
    const q1 = await summarise(q4.out, "q1.xlsx", "Q1 2021/22");
    expect(q1.code).toBe(0);
    twoQuarters = q1.out;
  }, 600_000);

  it("keeps a last good copy beside the current settings", async () => {
    const current = await settingsOf(twoQuarters);
    expect(await settingsOf(twoQuarters, "last-good")).toBe(current);
    expect(Object.keys(parseSettings(current).settings.history.Outcomes)).toEqual(["Q4 2020/21", "Q1 2021/22"]);
  });

  it("one damaged character: the run works from the last good copy, says so, and never saves over the damaged text", async () => {
    let damaged = "";
    const input = await tampered(twoQuarters, "one-char.xlsx", (t) => (damaged = t.replace('"history":{', '"history":{{')));
    const r = await summarise(input, "one-char-out.xlsx", "Q2 2021/22");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Warning: The add-in's stored settings in this workbook are damaged \(it is not valid JSON.*This run used the last good copy.*saved no settings or history/m);
    // Both quarters were there to compare with: the history was not lost for this run.
    expect(r.json!.notes.join(" ")).toMatch(/last good copy/);
    expect(await settingsOf(r.out)).toBe(damaged);
    expect(await settingsOf(r.out, "last-good")).toBe(await settingsOf(twoQuarters, "last-good"));
  });

  it("repair-settings sets the damaged text aside and restores the last good copy; the next run saves again", async () => {
    let damaged = "";
    const input = await tampered(twoQuarters, "to-repair.xlsx", (t) => (damaged = t.slice(0, -1)));
    const repaired = join(dir, "repaired.xlsx");
    const r = await runCli(["repair-settings", input, "--out", repaired]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/set aside .*last good copy .*restored/);
    expect(await settingsOf(repaired, "set-aside")).toBe(damaged);
    expect(await settingsOf(repaired)).toBe(await settingsOf(twoQuarters));
    const next = await summarise(repaired, "after-repair.xlsx", "Q2 2021/22");
    expect(next.stderr).not.toMatch(/damaged/);
    expect(Object.keys(parseSettings(await settingsOf(next.out)).settings.history.Outcomes)).toEqual(["Q4 2020/21", "Q1 2021/22", "Q2 2021/22"]);
  });

  it("settings written by a newer version are refused before anything is written", async () => {
    const input = await tampered(twoQuarters, "newer.xlsx", (t) => t.replace(/"version":\d+/, '"version":99'));
    const r = await summarise(input, "newer-out.xlsx", "Q2 2021/22");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: cannot use .*newer\.xlsx: its settings were saved by a newer version of this add-in \(settings format 99\).*nothing was written/);
    expect(existsSync(r.out)).toBe(false);
  });

  it("history of the wrong type is damage, not a crash; with no good copy the run uses defaults and keeps the text", async () => {
    const bad = JSON.stringify({ ...JSON.parse(serialiseSettings(emptySettings())), history: "4 quarters" });
    const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(SAMPLE)));
    await wb.writeSettings(bad);
    const input = join(dir, "wrong-type.xlsx");
    writeFileSync(input, (await wb.save()).data);
    const r = await summarise(input, "wrong-type-out.xlsx", "Q1 2021/22");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/damaged \(at 'history': .*No intact copy was found/);
    expect(await settingsOf(r.out)).toBe(bad);
  });

  it("keeps fields it does not know, in the settings and in each period's record", async () => {
    const input = await tampered(twoQuarters, "unknown-fields.xlsx", (t) => {
      const s = JSON.parse(t);
      s.publishedBy = { team: "Performance" };
      s.history.Outcomes["Q1 2021/22"].published = { headline: "15/24 (62.5%)" };
      return JSON.stringify(s);
    });
    const r = await summarise(input, "unknown-out.xlsx", "Q2 2021/22");
    expect(r.code).toBe(0);
    const kept = JSON.parse((await settingsOf(r.out))!);
    expect(kept.publishedBy).toEqual({ team: "Performance" });
    expect(kept.history.Outcomes["Q1 2021/22"].published).toEqual({ headline: "15/24 (62.5%)" });
  });
});

describe("the product's own sheets", () => {
  it("are marked, and with the settings lost (the sheets copied into a new workbook) are neither read as data nor written twice", async () => {
    const first = await summarise(SAMPLE, "marked.xlsx", "Q1 2021/22");
    expect(first.code).toBe(0);
    const workbookXml = await zipFiles(new Uint8Array(readFileSync(first.out))).text("xl/workbook.xml");
    expect((workbookXml!.match(new RegExp(`name="${OWN_SHEET_NAME}"`, "g")) ?? []).length).toBe(first.json!.outputSheets.length);
    // Every settings sheet gone, as when the sheets are moved into another workbook.
    const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(first.out)));
    await wb.deleteSheets((await wb.listSheets()).filter((s) => s.name.startsWith("CPE_Settings")).map((s) => s.name));
    const lost = join(dir, "settings-lost.xlsx");
    writeFileSync(lost, (await wb.save()).data);
    expect(await settingsOf(lost)).toBeNull();
    const again = await summarise(lost, "settings-lost-out.xlsx", "Q1 2021/22");
    expect(again.code).toBe(0);
    expect(again.json!.datasets).toEqual(first.json!.datasets);
    expect(again.json!.outputSheets).toEqual(first.json!.outputSheets);
    const names = (await (await XlsxWorkbook.open(new Uint8Array(readFileSync(again.out)))).listSheets()).map((s) => s.name);
    expect(names.filter((n) => / \(report/.test(n))).toEqual([]);
  });
});

describe("history kept compact", () => {
  it("50,000 indicators over eight quarters, each with a target and commentary, stay under 3 MB: the latest periods whole, older ones with their headline and what each item was published as", () => {
    const s = emptySettings();
    const quarters = ["Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22", "Q2 2021/22", "Q3 2021/22", "Q4 2021/22"];
    const words = ["Green", "Amber", "Red", "Data only"];
    const trends: Trend[] = ["Improving", "Static", "Worsening", "No trend data"];
    s.history.Indicators = {};
    quarters.forEach((q, k) => {
      const items: Record<string, PublishedItem> = {};
      for (let i = 0; i < 50_000; i++) {
        items[`PI-${String(i).padStart(5, "0")}`] = {
          status: words[(i + k) % 4], trend: trends[(i * 3 + k) % 4], value: Math.round(((i * 7919 + k * 104729) % 100_000) / 7) / 100,
          // Targets are set for the year: the same each quarter, a new one from April; a few corrected mid-year.
          target: (i % 97) + (k >= 4 ? 5 : 0) + (k === 6 && i % 50 === 0 ? 1 : 0),
          commentaryHash: shortFingerprint(`Commentary for ${i} in ${q}`),
        };
      }
      s.history.Indicators[q] = { period: q, summary: { base: 50_000, counted: 12_500, percent: 25, statusCounts: { Green: 12_500 } }, items: itemsOfObject(items), rules: { standard: null }, storedAt: "2022-05-01" };
    });
    const text = serialiseSettings(s, "2022-05-02");
    expect(text.length).toBeLessThan(3_000_000);
    const back = parseSettings(text);
    expect(back.problem).toBeNull();
    const kept = back.settings.history.Indicators;
    expect(Object.keys(kept)).toEqual(quarters);
    const without = (items: PeriodRecord["items"], drop: string[]) =>
      ({ keys: items.keys, values: items.values.map((v) => Object.fromEntries(Object.entries(v).filter(([f]) => !drop.includes(f)))) });
    // The latest two whole; the two before them without commentary fingerprints (only the latest two are compared with).
    for (const q of quarters.slice(-PERIODS_WITH_COMMENTARY)) expect(kept[q].items).toEqual(s.history.Indicators[q].items);
    for (const q of quarters.slice(-PERIODS_WITH_ITEMS, -PERIODS_WITH_COMMENTARY)) {
      expect(kept[q].items).toEqual(without(s.history.Indicators[q].items, ["commentaryHash"]));
      expect(kept[q].itemsTrimmed).toBeUndefined();
    }
    for (const q of quarters.slice(0, -PERIODS_WITH_ITEMS)) {
      // The figures go; each item's published status and trend stay, so a reprint or a trend still has them.
      expect(kept[q].items).toEqual(without(s.history.Indicators[q].items, ["value", "target", "commentaryHash"]));
      expect(kept[q].itemsTrimmed).toEqual({ count: 50_000, on: "2022-05-02" });
      expect(kept[q].summary).toEqual(s.history.Indicators[q].summary);
    }
  });
});
