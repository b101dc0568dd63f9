import { PlanStyle, CfStyle } from "../../core";
import { elements, elementPattern, attr, setAttr, escapeXml } from "./xml-text";
import { argb } from "./write-plan";

/** A package layout the in-place writer does not handle; the caller re-saves the whole file instead. */
export class UnsupportedPackage extends Error {}

// The order CT_Stylesheet requires; a missing section is inserted before the first later one present.
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
type Kind = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";
const CHILD: Record<Kind, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };
// Excel's built-in number formats the plans use; anything else is added with an id from 164.
const BUILT_IN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };
const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

/**
 * The council's styles.xml, to which the product's sheets add the formats
 * they use. Identical fonts, fills, borders, number formats, cell formats
 * and rule formats are reused, so running every quarter does not grow the
 * file, and nothing already there changes index. Fonts start from the
 * workbook's default font, so the product's sheets match the council's.
 */
export class StyleBook {
  private readonly items = {} as Record<Kind, string[]>;
  private readonly index = {} as Record<Kind, Map<string, number>>;
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt: number;
  private readonly byStyle = new Map<PlanStyle, number>();
  private readonly byKey = new Map<string, number>();
  private readonly baseFont: { size: string; rest: string };

  constructor(private readonly source: string = EMPTY_STYLES) {
    if (!/<styleSheet\b/.test(source)) throw new UnsupportedPackage("styles.xml uses a namespace prefix");
    for (const kind of Object.keys(CHILD) as Kind[]) {
      const whole = elementPattern(kind, "").exec(source)?.[0];
      this.items[kind] = whole ? elements(whole.replace(/^<[^>]*>/, ""), CHILD[kind]) : [];
      this.index[kind] = new Map();
      this.items[kind].forEach((item, i) => this.index[kind].has(item) || this.index[kind].set(item, i));
    }
    if (!this.items.fonts.length || !this.items.fills.length || !this.items.borders.length || !this.items.cellXfs.length) {
      throw new UnsupportedPackage("styles.xml lacks the fonts, fills, borders or cell formats every workbook has");
    }
    for (const f of this.items.numFmts) this.numFmtIds.set(attr(f, "formatCode") ?? "", Number(attr(f, "numFmtId")));
    this.nextNumFmt = Math.max(163, ...this.numFmtIds.values()) + 1;
    const font0 = this.items.fonts[0];
    const keep = (name: string) => elements(font0, name).join("");
    this.baseFont = { size: keep("sz") || '<sz val="11"/>', rest: ["name", "family", "charset", "scheme"].map(keep).join("") };
  }

  private intern(kind: Kind, item: string): number {
    const known = this.index[kind].get(item);
    if (known !== undefined) return known;
    this.items[kind].push(item);
    this.index[kind].set(item, this.items[kind].length - 1);
    return this.items[kind].length - 1;
  }

  private numFmt(code: string): number {
    if (code in BUILT_IN) return BUILT_IN[code];
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.intern("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  /** The cell format index for a plan style; plans reuse style objects, so most lookups are by identity. */
  xf(style: PlanStyle): number {
    const cached = this.byStyle.get(style);
    if (cached !== undefined) return cached;
    const key = JSON.stringify(style);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.intern("cellXfs", this.xfXml(style));
      this.byKey.set(key, id);
    }
    this.byStyle.set(style, id);
    return id;
  }

  private xfXml(s: PlanStyle): string {
    const fontXml = `<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}${s.size ? `<sz val="${s.size}"/>` : this.baseFont.size}${s.font ? `<color rgb="${argb(s.font)}"/>` : ""}${this.baseFont.rest}</font>`;
    const font = s.bold || s.italic || s.size || s.font ? this.intern("fonts", fontXml) : 0;
    const fill = s.fill ? this.intern("fills", `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const thin = (side: string) => `<${side} style="thin"><color rgb="FF808080"/></${side}>`;
    const border = s.border ? this.intern("borders", `<border>${thin("left")}${thin("right")}${thin("top")}${thin("bottom")}<diagonal/></border>`) : 0;
    const numFmt = s.numberFormat ? this.numFmt(s.numberFormat) : 0;
    const align = s.wrap || s.hAlign || s.vAlign
      ? `<alignment${s.hAlign ? ` horizontal="${s.hAlign}"` : ""}${s.vAlign ? ` vertical="${s.vAlign === "middle" ? "center" : s.vAlign}"` : ""}${s.wrap ? ' wrapText="1"' : ""}/>`
      : "";
    const protection = s.locked === false ? '<protection locked="0"/>' : "";
    const applies = [numFmt && ' applyNumberFormat="1"', font && ' applyFont="1"', fill && ' applyFill="1"', border && ' applyBorder="1"', align && ' applyAlignment="1"', protection && ' applyProtection="1"'].filter(Boolean).join("");
    const open = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}`;
    return align || protection ? `${open}>${align}${protection}</xf>` : `${open}/>`;
  }

  /**
   * The cell format at `index` made to show dates: itself when it already
   * does, else a copy (same font, fill, borders, alignment) with `code`, so
   * a date written into a council's cell keeps the cell's look.
   */
  withNumberFormat(index: number, code: string): number {
    const base = this.items.cellXfs[index] ?? this.items.cellXfs[0];
    const current = Number(attr(base, "numFmtId") ?? 0);
    const currentCode = [...this.numFmtIds].find(([, id]) => id === current)?.[0];
    const showsDates = (current >= 14 && current <= 22) || (current >= 45 && current <= 47) || (!!currentCode && /[dy]/i.test(currentCode.replace(/"[^"]*"|\[[^\]]*\]/g, "")));
    if (showsDates) return this.items.cellXfs[index] ? index : 0;
    return this.intern("cellXfs", setAttr(setAttr(base, "numFmtId", this.numFmt(code)), "applyNumberFormat", 1));
  }

  /** The format a colour rule applies (CT_Dxf order: font, numFmt, fill). */
  dxf(s: CfStyle): number {
    const font = s.font || s.bold ? `<font>${s.bold ? "<b/>" : ""}${s.font ? `<color rgb="${argb(s.font)}"/>` : ""}</font>` : "";
    const fill = s.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(s.fill)}"/></patternFill></fill>` : "";
    return this.intern("dxfs", `<dxf>${font}${fill}</dxf>`);
  }

  /** styles.xml with the added entries; sections the council's file lacked are inserted in schema order. */
  xml(): string {
    let xml = this.source;
    for (const kind of Object.keys(CHILD) as Kind[]) {
      if (!this.items[kind].length) continue;
      const body = this.items[kind].join("");
      const existing = elementPattern(kind, "").exec(xml);
      if (existing) {
        const open = /^<[^>]*>/.exec(existing[0])![0].replace(/\s*\/>$/, ">");
        const counted = /\scount="\d*"/.test(open) ? open.replace(/\scount="\d*"/, ` count="${this.items[kind].length}"`) : open.replace(/>$/, ` count="${this.items[kind].length}">`);
        xml = xml.replace(existing[0], () => `${counted}${body}</${kind}>`);
      } else {
        const later = ORDER.slice(ORDER.indexOf(kind) + 1).map((n) => xml.search(new RegExp(`<${n}\\b`))).filter((i) => i >= 0);
        const at = later.length ? Math.min(...later) : xml.lastIndexOf("</styleSheet>");
        xml = `${xml.slice(0, at)}<${kind} count="${this.items[kind].length}">${body}</${kind}>${xml.slice(at)}`;
      }
    }
    return xml;
  }
}
