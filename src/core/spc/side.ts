/** Which side of the centre line a special cause lies on: high or low. */
export type Side = "high" | "low";

/** Per point: the side a rule flags it on, or null when the rule does not fire there. */
export type RuleFlags = (Side | null)[];
