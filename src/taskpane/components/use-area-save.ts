import { useState } from "react";
import { plainError } from "../messages";

/**
 * Saving the council's own area, as both places that offer the choice do it:
 * whether a save is under way, what went wrong in words, and how many saves
 * have finished (a control disabled while saving loses focus, and this is
 * when to give it back).
 */
export function useAreaSave(onArea: (area: string) => Promise<void>) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [finished, setFinished] = useState(0);
  const save = async (area: string) => {
    setSaving(true);
    setProblem(null);
    try {
      await onArea(area);
    } catch (e) {
      setProblem(`Not saved: ${plainError(e)}`);
    }
    setSaving(false);
    setFinished((n) => n + 1);
  };
  return { saving, problem, save, finished };
}
