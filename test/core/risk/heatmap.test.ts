/** The heat map: risks counted per likelihood × impact cell, coloured by level (src/core/risk/heatmap.ts). */
import { heatMap, transposeHeatMap } from "../../../src/core/risk/heatmap";
import { DEFAULT_MATRIX, RiskMatrix } from "../../../src/core/risk/matrix";

describe("heatMap", () => {
  const map = heatMap([{ likelihood: 5, impact: 5 }, { likelihood: 5, impact: 5 }, { likelihood: 1, impact: 2 }, { likelihood: 3, impact: 1 }]);

  it("counts risks per cell with the highest likelihood at the top and impact 1 → 5 across", () => {
    expect(map).toHaveLength(5);
    expect(map[0].map((c) => c.likelihood)).toEqual([5, 5, 5, 5, 5]);
    expect(map[0].map((c) => c.impact)).toEqual([1, 2, 3, 4, 5]);
    expect(map[0][4].count).toBe(2);
    expect(map[4][1].count).toBe(1);
    expect(map[2][0].count).toBe(1);
    expect(map.flat().reduce((s, c) => s + c.count, 0)).toBe(4);
  });

  it("names and colours each cell by its band", () => {
    expect(map[0][4]).toMatchObject({ band: "High", colour: DEFAULT_MATRIX.bands[0].colour });
    expect(map[4][0]).toMatchObject({ band: "Low" });
  });

  it("draws the register's own scales, and leaves out a risk off them", () => {
    const m: RiskMatrix = { likelihoodLabels: ["Low", "Medium", "High", "Almost Certain"], impactLabels: ["1", "2", "3", "4", "5", "6"], bands: DEFAULT_MATRIX.bands };
    const got = heatMap([{ likelihood: 4, impact: 6 }, { likelihood: 5, impact: 1 }], m);
    expect(got).toHaveLength(4);
    expect(got[0]).toHaveLength(6);
    expect(got[0][5].count).toBe(1);
    expect(got.flat().reduce((s, c) => s + c.count, 0)).toBe(1);
  });
});

describe("transposeHeatMap", () => {
  it("puts impact down the side (highest at the top) and likelihood across", () => {
    const t = transposeHeatMap(heatMap([{ likelihood: 2, impact: 4 }]));
    expect(t[0].map((c) => c.impact)).toEqual([5, 5, 5, 5, 5]);
    expect(t[0].map((c) => c.likelihood)).toEqual([1, 2, 3, 4, 5]);
    expect(t.flat().find((c) => c.count === 1)).toMatchObject({ likelihood: 2, impact: 4 });
    expect(transposeHeatMap([])).toEqual([]);
  });
});
