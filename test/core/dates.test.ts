import { parseUkDate, toSerial, fromSerial, formatUkDate } from "../../src/core";

describe("UK dates", () => {
  it.each([
    ["31/10/21", "31/10/2021"],
    ["31/05/2021", "31/05/2021"],
    ["1.4.2022", "01/04/2022"],
    ["2021-06-30", "30/06/2021"],
    ["01 Oct 2021", "01/10/2021"],
    ["29/02/24", "29/02/2024"],
  ])("reads %s", (text, uk) => {
    const r = parseUkDate(text);
    expect(r.ok && r.value && formatUkDate(r.value)).toBe(uk);
  });

  it.each(["31/10021", "31/0322", "31/02/2021", "29/02/2021", "00/01/2021", "31/13/21", "soon", "Q3"])(
    "reports %s as a problem instead of guessing",
    (text) => {
      const r = parseUkDate(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem.message).toContain(`'${text}'`);
    },
  );

  it("says what it expected for the seed report's bad dates", () => {
    const r = parseUkDate("31/10021");
    expect(!r.ok && r.problem.message).toBe("'31/10021' is not a date: expected dd/mm/yy or dd/mm/yyyy");
  });

  it("reads Excel serial dates and real dates", () => {
    expect(fromSerial(44377)).toEqual({ year: 2021, month: 6, day: 30 });
    expect(toSerial({ year: 2021, month: 6, day: 30 })).toBe(44377);
    const r = parseUkDate(new Date(Date.UTC(2022, 2, 31)));
    expect(r.ok && r.value).toEqual({ year: 2022, month: 3, day: 31 });
    expect(parseUkDate(44377.75)).toEqual({ ok: true, value: { year: 2021, month: 6, day: 30 } });
  });

  it("refuses error cells and out-of-range serials", () => {
    expect(parseUkDate({ error: "#N/A" }).ok).toBe(false);
    expect(parseUkDate(-5).ok).toBe(false);
  });
});
