/**
 * Shapes in the fake Excel (ExcelApi 1.9): the calls the product makes to
 * draw the Making Data Count icons, and to find and delete them again.
 *   ShapeCollection.addGeometricShape(geometricShapeType), a GeometricShapeType:
 *   https://learn.microsoft.com/javascript/api/excel/excel.shapecollection#excel-excel-shapecollection-addgeometricshape-member(1),
 *   https://learn.microsoft.com/javascript/api/excel/excel.geometricshapetype
 *   ShapeCollection.items, loaded by "items/name": https://learn.microsoft.com/javascript/api/excel/excel.shapecollection#excel-excel-shapecollection-items-member
 *   Shape.name, Shape.altTextDescription: https://learn.microsoft.com/javascript/api/excel/excel.shape#excel-excel-shape-name-member
 *   Shape.left and top "Throws an InvalidArgument exception when set with a negative value";
 *   width and height "… with a negative value or zero": https://learn.microsoft.com/javascript/api/excel/excel.shape#excel-excel-shape-width-member
 *   Shape.delete(), "Removes the shape from the worksheet": https://learn.microsoft.com/javascript/api/excel/excel.shape#excel-excel-shape-delete-member(1)
 *   ShapeFill.setSolidColor(color), "#RRGGBB … or as a named HTML color": https://learn.microsoft.com/javascript/api/excel/excel.shapefill#excel-excel-shapefill-setsolidcolor-member(1)
 *   ShapeLineFormat.color, weight (points): https://learn.microsoft.com/javascript/api/excel/excel.shapelineformat
 *   TextFrame.horizontalAlignment (a ShapeTextHorizontalAlignment), verticalAlignment (a ShapeTextVerticalAlignment):
 *   https://learn.microsoft.com/javascript/api/excel/excel.textframe
 *   TextRange.text: https://learn.microsoft.com/javascript/api/excel/excel.textrange#excel-excel-textrange-text-member
 *   ShapeFont.color, bold, size (points): https://learn.microsoft.com/javascript/api/excel/excel.shapefont
 * A protected sheet refuses them unless its protection allows editing objects
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions#excel-excel-worksheetprotectionoptions-alloweditobjects-member),
 * which the product never allows. A shape once deleted is gone: changing or
 * deleting it again fails with ItemNotFound.
 */
import { FakeShape } from "./excel-state";
import { OfficeError, checkColour } from "./excel-rules";
import { Ctx, ClientObject, size, writeOnly } from "./client";
import { Path, METHOD, PROPERTY, INDEXER } from "./wire";
import type { Worksheet } from "./excel-fake";

/** Excel.GeometricShapeType, every documented value. */
const GEOMETRIC_SHAPE_TYPES = new Set((
  "LineInverse Triangle RightTriangle Rectangle Diamond Parallelogram Trapezoid NonIsoscelesTrapezoid Pentagon Hexagon Heptagon Octagon " +
  "Decagon Dodecagon Star4 Star5 Star6 Star7 Star8 Star10 Star12 Star16 Star24 Star32 RoundRectangle Round1Rectangle Round2SameRectangle " +
  "Round2DiagonalRectangle SnipRoundRectangle Snip1Rectangle Snip2SameRectangle Snip2DiagonalRectangle Plaque Ellipse Teardrop HomePlate " +
  "Chevron PieWedge Pie BlockArc Donut NoSmoking RightArrow LeftArrow UpArrow DownArrow StripedRightArrow NotchedRightArrow BentUpArrow " +
  "LeftRightArrow UpDownArrow LeftUpArrow LeftRightUpArrow QuadArrow LeftArrowCallout RightArrowCallout UpArrowCallout DownArrowCallout " +
  "LeftRightArrowCallout UpDownArrowCallout QuadArrowCallout BentArrow UturnArrow CircularArrow LeftCircularArrow LeftRightCircularArrow " +
  "CurvedRightArrow CurvedLeftArrow CurvedUpArrow CurvedDownArrow SwooshArrow Cube Can LightningBolt Heart Sun Moon SmileyFace IrregularSeal1 " +
  "IrregularSeal2 FoldedCorner Bevel Frame HalfFrame Corner DiagonalStripe Chord Arc LeftBracket RightBracket LeftBrace RightBrace BracketPair " +
  "BracePair Callout1 Callout2 Callout3 AccentCallout1 AccentCallout2 AccentCallout3 BorderCallout1 BorderCallout2 BorderCallout3 " +
  "AccentBorderCallout1 AccentBorderCallout2 AccentBorderCallout3 WedgeRectCallout WedgeRRectCallout WedgeEllipseCallout CloudCallout Cloud " +
  "Ribbon Ribbon2 EllipseRibbon EllipseRibbon2 LeftRightRibbon VerticalScroll HorizontalScroll Wave DoubleWave Plus FlowChartProcess " +
  "FlowChartDecision FlowChartInputOutput FlowChartPredefinedProcess FlowChartInternalStorage FlowChartDocument FlowChartMultidocument " +
  "FlowChartTerminator FlowChartPreparation FlowChartManualInput FlowChartManualOperation FlowChartConnector FlowChartPunchedCard " +
  "FlowChartPunchedTape FlowChartSummingJunction FlowChartOr FlowChartCollate FlowChartSort FlowChartExtract FlowChartMerge " +
  "FlowChartOfflineStorage FlowChartOnlineStorage FlowChartMagneticTape FlowChartMagneticDisk FlowChartMagneticDrum FlowChartDisplay " +
  "FlowChartDelay FlowChartAlternateProcess FlowChartOffpageConnector ActionButtonBlank ActionButtonHome ActionButtonHelp " +
  "ActionButtonInformation ActionButtonForwardNext ActionButtonBackPrevious ActionButtonEnd ActionButtonBeginning ActionButtonReturn " +
  "ActionButtonDocument ActionButtonSound ActionButtonMovie Gear6 Gear9 Funnel MathPlus MathMinus MathMultiply MathDivide MathEqual " +
  "MathNotEqual CornerTabs SquareTabs PlaqueTabs ChartX ChartStar ChartPlus").split(" "));
const HORIZONTAL = new Set(["Left", "Center", "Right", "Justify", "JustifyLow", "Distributed", "ThaiDistributed"]);
// A shape's text is centred vertically with "Middle"; a cell's (VerticalAlignment) with "Center".
const VERTICAL = new Set(["Top", "Middle", "Bottom", "Justified", "Distributed"]);

const refuse = (what: string) => {
  throw new OfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${what}.`);
};
const oneOf = (set: Set<string>, what: string) => (v: unknown) => (typeof v === "string" && set.has(v) ? v : refuse(`'${String(v)}' is not a ${what}`));
const text = (what: string) => (v: unknown) => (typeof v === "string" ? v : refuse(`${what} must be text`));
const points = (what: string, min: "zero" | "above zero") => (v: unknown) => {
  if (typeof v !== "number" || !Number.isFinite(v)) return refuse(`${what} must be a number of points`);
  if (v < 0 || (min === "above zero" && v === 0)) return refuse(`${what} cannot be ${v}`);
  return v;
};
const colour = (v: unknown) => {
  checkColour(v);
  return v as string;
};

export class ShapeCollection extends ClientObject {
  private list: Shape[] = [];
  constructor(ctx: Ctx, path: Path, private ws: Worksheet) {
    super(ctx, path);
  }
  get items(): Shape[] {
    this.read("items");
    return this.list;
  }
  /** The shapes' names, and nothing else: a property the fake does not keep is refused rather than invented. */
  protected snapshot(list: string[]): number {
    for (const p of list) if (p !== "items/name") throw new OfficeError("InvalidArgument", `The fake does not model loading ShapeCollection ${p}`);
    const s = this.ws.sheet();
    this.list = s.shapes.map((sh) => {
      const shape = new Shape(this.ctx, this.ctx.path(INDEXER, "", this.path, [sh.id]), this.ws, () => s.shapes.find((o) => o.id === sh.id));
      shape.loadedName(sh.name);
      return shape;
    });
    this.loaded.set("items", true);
    return size(s.shapes.map((sh) => ({ name: sh.name })));
  }
  /** A new shape of a documented GeometricShapeType, in front of the others, named by Excel until the caller names it. */
  addGeometricShape(type: string): Shape {
    let made: FakeShape | undefined;
    const path = this.ctx.path(METHOD, "AddGeometricShape", this.path, [type]);
    this.ctx.enqueue(path, "method", "", undefined, () => this.ws.guarded((s) => {
      oneOf(GEOMETRIC_SHAPE_TYPES, "GeometricShapeType")(type);
      const id = this.ctx.state.nextShapeId();
      made = { id, name: `${type} ${id}`, geometricShapeType: type };
      s.shapes.push(made);
    }));
    return new Shape(this.ctx, path, this.ws, () => made);
  }
}

type ShapeFont = { color: string; bold: boolean; size: number };
type TextFrame = { horizontalAlignment: string; verticalAlignment: string; textRange: { text: string; font: ShapeFont } };

export class Shape extends ClientObject {
  declare altTextDescription: string;
  declare left: number;
  declare top: number;
  declare width: number;
  declare height: number;
  readonly fill: { setSolidColor: (colour: string) => void };
  readonly lineFormat: { color: string; weight: number };
  readonly textFrame: TextFrame;

  constructor(ctx: Ctx, path: Path, private ws: Worksheet, private locate: () => FakeShape | undefined) {
    super(ctx, path);
    // Each setter checks its value as Excel does, then changes the shape, at sync.
    const on = <T>(check: (v: unknown) => T, apply: (sh: FakeShape, v: T) => void) => (v: never) => this.edit((sh) => apply(sh, check(v)));
    Object.defineProperties(this, Object.getOwnPropertyDescriptors(writeOnly(ctx, path, {
      altTextDescription: on(text("Alternative text"), (sh, v) => void (sh.altTextDescription = v)),
      left: on(points("left", "zero"), (sh, v) => void (sh.left = v)),
      top: on(points("top", "zero"), (sh, v) => void (sh.top = v)),
      width: on(points("width", "above zero"), (sh, v) => void (sh.width = v)),
      height: on(points("height", "above zero"), (sh, v) => void (sh.height = v)),
    })));
    const fillPath = ctx.path(PROPERTY, "Fill", path);
    this.fill = {
      setSolidColor: (c: string) => ctx.enqueue(fillPath, "method", "SetSolidColor", JSON.stringify([c]), () => this.edit((sh) => void (sh.fill = colour(c)))),
    };
    this.lineFormat = writeOnly(ctx, ctx.path(PROPERTY, "LineFormat", path), {
      color: on(colour, (sh, v) => void ((sh.line ??= {}).color = v)),
      weight: on(points("line weight", "zero"), (sh, v) => void ((sh.line ??= {}).weight = v)),
    });
    const framePath = ctx.path(PROPERTY, "TextFrame", path);
    const rangePath = ctx.path(PROPERTY, "TextRange", framePath);
    const font = writeOnly<ShapeFont>(ctx, ctx.path(PROPERTY, "Font", rangePath), {
      color: on(colour, (sh, v) => void ((sh.font ??= {}).color = v)),
      bold: on((v) => (typeof v === "boolean" ? v : refuse("bold must be true or false")), (sh, v) => void ((sh.font ??= {}).bold = v)),
      size: on(points("font size", "above zero"), (sh, v) => void ((sh.font ??= {}).size = v)),
    });
    const textRange = writeOnly<TextFrame["textRange"]>(ctx, rangePath, { text: on(text("A shape's text"), (sh, v) => void (sh.text = v)) }, { font });
    this.textFrame = writeOnly<TextFrame>(ctx, framePath, {
      horizontalAlignment: on(oneOf(HORIZONTAL, "ShapeTextHorizontalAlignment"), (sh, v) => void ((sh.textAlign ??= {}).horizontal = v)),
      verticalAlignment: on(oneOf(VERTICAL, "ShapeTextVerticalAlignment"), (sh, v) => void ((sh.textAlign ??= {}).vertical = v)),
    }, { textRange });
  }

  /** The shape, while it is still on its sheet. */
  private find(): FakeShape | undefined {
    const sh = this.locate();
    return sh && this.ws.sheet().shapes.includes(sh) ? sh : undefined;
  }

  /** A change at sync: refused on a protected sheet, and on a shape that is no longer there. */
  private edit(change: (sh: FakeShape) => void): void {
    this.ws.guarded(() => {
      const sh = this.find();
      if (!sh) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist: the shape has been deleted.");
      change(sh);
    });
  }

  loadedName(name: string): void {
    this.loaded.set("name", name);
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.set("name", v, () => this.edit((sh) => void (sh.name = text("A shape's name")(v))));
  }

  delete(): void {
    this.call("delete", [], () => this.edit((sh) => {
      const s = this.ws.sheet();
      s.shapes = s.shapes.filter((o) => o !== sh);
    }));
  }

  protected snapshot(list: string[]): number {
    for (const p of list) if (p !== "name") throw new OfficeError("InvalidArgument", `The fake does not model loading Shape.${p}`);
    const sh = this.find();
    if (!sh) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist: the shape has been deleted.");
    this.loaded.set("name", sh.name);
    return size({ name: sh.name });
  }
}
