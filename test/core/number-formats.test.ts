import { isDateFormat, isPercentFormat, formatDecimals, serialToDate, builtInFormat, isPlainFormat } from "../../src/core/number-formats";

describe("number formats: what a cell's format says about its number", () => {
  it("isDateFormat: date and time codes in either case, never General, numbers, quoted or bracketed letters", () => {
    for (const code of ["dd/mm/yyyy", "DD/MM/YYYY", "YYYY-MM-DD", "mmm-yy", "d-mmm", "[$-809]dd mmmm yyyy", "h:mm AM/PM", "[h]:mm:ss", "m/d/yy h:mm", "yyyy\\-mm"]) {
      expect([code, isDateFormat(code)]).toEqual([code, true]);
    }
    for (const code of ["General", "0", "0.00", "#,##0", "0%", "0.0%", '0.0 "days"', "[Red]0.00", "£#,##0.00", "0.00E+00", "@", '"Q1" 0']) {
      expect([code, isDateFormat(code)]).toEqual([code, false]);
    }
  });

  it("isPercentFormat: a % outside quoted text", () => {
    expect(isPercentFormat("0%")).toBe(true);
    expect(isPercentFormat("0.0%")).toBe(true);
    expect(isPercentFormat("[Red]0.00%;-0.00%")).toBe(true);
    expect(isPercentFormat('0 "%"')).toBe(false);
    expect(isPercentFormat("0.00")).toBe(false);
  });

  it("formatDecimals: the places a format shows", () => {
    expect(formatDecimals("0%")).toBe(0);
    expect(formatDecimals("0.0%")).toBe(1);
    expect(formatDecimals("#,##0.00")).toBe(2);
    expect(formatDecimals("General")).toBeNull();
    expect(formatDecimals("@")).toBeNull();
  });

  it("builtInFormat and isPlainFormat: the ids a file may use without writing the code", () => {
    expect(builtInFormat(9)).toBe("0%");
    expect(builtInFormat(10)).toBe("0.00%");
    expect(builtInFormat(14)).toBe("mm-dd-yy");
    expect(isDateFormat(builtInFormat(30)!)).toBe(true);
    expect(builtInFormat(200)).toBeUndefined();
    expect(isPlainFormat("General")).toBe(true);
    expect(isPlainFormat(undefined)).toBe(true);
    expect(isPlainFormat("0.0")).toBe(false);
  });

  it("serialToDate: Excel's serials as UTC dates in both date systems; null beyond the dates Excel shows", () => {
    expect(serialToDate(44377)).toEqual(new Date(Date.UTC(2021, 5, 30)));
    expect(serialToDate(44377.5)).toEqual(new Date(Date.UTC(2021, 5, 30, 12)));
    expect(serialToDate(42915, true)).toEqual(new Date(Date.UTC(2021, 5, 30)));
    expect(serialToDate(2_958_465)).toEqual(new Date(Date.UTC(9999, 11, 31)));
    expect(serialToDate(2_958_466)).toBeNull();
    expect(serialToDate(1e20)).toBeNull();
    expect(serialToDate(-1)).toBeNull();
  });
});
