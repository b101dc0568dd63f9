import { SPELLINGS, RESIDUAL_OF, RESIDUAL_WORDS, INHERENT_WORDS, TARGET_WORDS } from "../../../src/core/detect/spellings";
import { normaliseWord } from "../../../src/core/values";

describe("spellings: the header words per role, as data", () => {
  it("SPELLINGS: every spelling is already in normalised form, so it matches the header as read", () => {
    for (const [role, list] of Object.entries(SPELLINGS)) {
      for (const s of list) expect([role, s, normaliseWord(s)]).toEqual([role, s, s]);
    }
  });

  it("RESIDUAL_OF: each residual role is the after-mitigation (or revised) twin of another role", () => {
    expect(RESIDUAL_OF).toEqual({ likelihood: "residualLikelihood", impact: "residualImpact", score: "residualScore", level: "residualLevel", due: "revisedDue" });
  });

  it("RESIDUAL_WORDS, INHERENT_WORDS, TARGET_WORDS: the qualifiers before, after and aimed for", () => {
    for (const w of ["residual", "post mitigation", "after controls", "net", "revised"]) expect(RESIDUAL_WORDS.test(w)).toBe(true);
    for (const w of ["inherent", "pre mitigation", "gross", "initial", "unmitigated"]) expect(INHERENT_WORDS.test(w)).toBe(true);
    for (const w of ["target", "desired", "tolerable"]) expect(TARGET_WORDS.test(w)).toBe(true);
    expect(RESIDUAL_WORDS.test("network")).toBe(false);
    expect(INHERENT_WORDS.test("rawlings")).toBe(false);
  });
});
