/**
 * "On course for target score by its date", as a risk manager reads it: the
 * rule in src/core/risk/target.ts, one case per branch.
 */
import { targetCourse, TargetInput, TARGET_COURSES } from "../../../src/core/risk/target";

const END_Q2 = { year: 2021, month: 9, day: 30 }; // Q2 2021/22
const base: TargetInput = {
  score: 16, band: "High", target: { score: 8, band: null }, targetDate: { year: 2022, month: 3, day: 31 },
  movement: "Decreased", previousScore: 20, asAt: END_Q2, bands: ["High", "Medium", "Low"],
};
const course = (over: Partial<TargetInput>) => targetCourse({ ...base, ...over });

describe("targetCourse: on course for target by its date", () => {
  it("is never on course without a target", () => {
    expect(course({ target: null })).toEqual({ course: "No target", phrase: "No target" });
    expect(course({ target: { score: null, band: null } }).course).toBe("No target");
  });

  it("is met when the score is at or below the target, whatever the date", () => {
    expect(course({ score: 8 })).toEqual({ course: "Target met", phrase: "Target met" });
    expect(course({ score: 6, targetDate: null }).course).toBe("Target met");
    expect(course({ score: 4, targetDate: { year: 2020, month: 1, day: 1 } }).course).toBe("Target met");
  });

  it("is not on course without a target date, and says what was written when it is not a date", () => {
    expect(course({ targetDate: null })).toEqual({ course: "No target date", phrase: "No target date: score 16, target 8" });
    expect(course({ targetDate: null, targetDateText: "TBC" }).phrase).toBe("No target date ('TBC' is not a date, see Data issues): score 16, target 8");
  });

  it("says the target date passed when it falls on or before the end of the period with the score still above target", () => {
    expect(course({ targetDate: { year: 2021, month: 8, day: 31 } })).toEqual({
      course: "Target date passed", phrase: "Target date passed (31/08/2021), score 16 still above target 8",
    });
    // A target date at the very end of the period has arrived: the score should be there by now.
    expect(course({ targetDate: END_Q2 }).course).toBe("Target date passed");
  });

  it("is not on course when the score rose since last quarter, even with time left", () => {
    expect(course({ movement: "Increased", previousScore: 12 })).toEqual({
      course: "Not on course", phrase: "Not on course: score rose from 12 to 16, target 8 by 31/03/2022", why: "risen",
    });
  });

  it("says so where the movement is the register's own trend column's word", () => {
    expect(course({ movement: "Increased", previousScore: null, movementFromRegister: true }).phrase)
      .toBe("Not on course: score 16, risen since last quarter (the register's trend column), target 8 by 31/03/2022");
  });

  it("is not on course when the score stood still and the target date falls before next quarter's report", () => {
    expect(course({ movement: "Unchanged", previousScore: 16, targetDate: { year: 2021, month: 12, day: 31 } })).toEqual({
      course: "Not on course", phrase: "Not on course: score 16 unchanged since last quarter, target 8 by 31/12/2021", why: "unchanged",
    });
    // With more than a quarter to go, an unchanged score is still on course.
    expect(course({ movement: "Unchanged", previousScore: 16, targetDate: { year: 2022, month: 1, day: 1 } }).course).toBe("On course");
  });

  it("is on course when the date is ahead and the score is falling, new or not compared", () => {
    for (const movement of ["Decreased", "New", "N/A"] as const) expect(course({ movement })).toEqual({ course: "On course", phrase: "On course" });
  });

  it("judges a target given only as a level by the register's levels", () => {
    expect(course({ target: { score: null, band: "Medium" }, band: "Medium" }).course).toBe("Target met");
    expect(course({ target: { score: null, band: "Medium" }, band: "Low" }).course).toBe("Target met");
    expect(course({ target: { score: null, band: "medium" }, band: "High", targetDate: { year: 2021, month: 6, day: 30 } }).phrase)
      .toBe("Target date passed (30/06/2021), High still above target medium");
    expect(course({ target: { score: null, band: "Tolerable" } })).toEqual({ course: "No target", phrase: "No target: 'Tolerable' is not one of the register's levels" });
  });

  it("does not judge the date without a reporting period", () => {
    expect(course({ asAt: null }).course).toBe("Not judged");
  });
});

describe("TARGET_COURSES", () => {
  it("lists every course targetCourse can give, met and on course first", () => {
    const given = new Set([
      course({ target: null }), course({ score: 8 }), course({ targetDate: null }), course({ targetDate: { year: 2021, month: 8, day: 31 } }),
      course({ movement: "Increased", previousScore: 12 }), course({ asAt: null }), course({}),
    ].map((c) => c.course));
    expect(new Set(TARGET_COURSES)).toEqual(given);
    expect(TARGET_COURSES.slice(0, 2)).toEqual(["Target met", "On course"]);
  });
});
