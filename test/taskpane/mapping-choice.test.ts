/** Choosing a column on the Workbook step: the field takes it, and no other field keeps it. */
import { withColumn } from "../../src/taskpane/mapping-choice";

describe("withColumn", () => {
  it("moves a field to a column another field held, which leaves it", () => {
    const read = { title: "Risk", likelihood: "Likelihood", residualLikelihood: "Likelihood#2" };
    expect(withColumn(read, "likelihood", "Likelihood#2")).toEqual({ title: "Risk", likelihood: "Likelihood#2" });
  });

  it("leaves a field out with null and keeps the others as they were", () => {
    expect(withColumn({ title: "Risk", owner: "Owner" }, "owner", null)).toEqual({ title: "Risk", owner: null });
  });
});
