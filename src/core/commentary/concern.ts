/**
 * Whether commentary acknowledges that an item is off target: a word of
 * concern or shortfall ("behind", "missed", "pressure", "not met") or of
 * action to put it right ("recovery plan", "being reviewed", "to be
 * carried out", "working with"). A word said not to apply ("no concerns",
 * "without any issues", "no action needed") does not count.
 */

/** Said as they stand, whatever comes before: they carry their own "not". */
const SHORTFALL_PHRASES = [
  /\bnot (yet |been |being |currently )?(met|achieved|reached|delivered|on track|on target|meeting|achieving|reaching|delivering|in line|as expected)\b/,
  /\b(has|have|did|does|do|will|could|would|may|might) not (meet|reach|achieve|deliver|improve|hit)\b/,
  /\b(unable|failed|failing|struggl\w*)\b/,
];

const CONCERN_WORDS = [
  /\bconcern\w*/, /\bworr\w*/, /\bdisappoint\w*/, /\bbelow\b/, /\bbehind\b/, /\bshort(fall|age)?s?\b/, /\bunder[- ]?(target|perform\w*|achiev\w*|deliver\w*)/,
  /\bmiss(ed|ing)?\b/, /\boff[- ](track|target)\b/, /\badrift\b/, /\bwors(e|en|ened|ening)\b/, /\bdeteriorat\w*/, /\bdeclin\w*/, /\bdrop(ped|ping|s)?\b/,
  /\b(fell|fall|falls|fallen|falling)\b/, /\bslip(ped|page|ping|s)?\b/, /\bdelay\w*/, /\blate(ness)?\b/, /\boverdue\b/, /\bfail\w*/, /\bpoor(ly)?\b/,
  /\bweak\w*/, /\bchalleng\w*/, /\bpressure\w*/, /\bdifficult\w*/, /\bproblem\w*/, /\bissues?\b/, /\brisks?\b/, /\bred\b/, /\bgaps?\b/, /\bbacklog\w*/,
  /\black(ing|s)?\b/, /\binsufficient\b/, /\bvacanc\w*/, /\bbottleneck\w*/, /\b(higher|lower|worse) than (target|expected|planned|forecast)\b/,
];

const ACTION_WORDS = [
  /\bactions?\b/, /\b(action|recovery|improvement|remedial|mitigation|delivery|development) plans?\b/, /\bplan(s|ned|ning)? (to|for)\b/,
  /\brecover\w*/, /\bremed\w*/, /\bmitigat\w*/, /\baddress\w*/, /\btackl\w*/, /\binvestigat\w*/, /\breview\w*/, /\bescalat\w*/, /\binterven\w*/,
  /\bmeasures\b/, /\bsteps\b/, /\bwork(s|ed|ing)? (with|to|on|closely)\b/, /\bfocus\w*/, /\bprioriti[sz]\w*/, /\bmonitor\w*/, /\bresolv\w*/,
  /\brectif\w*/, /\bexplor\w*/, /\bpilot\w*/, /\btraining\b/, /\brecruit\w*/, /\b(being|to be) (\w+ed|taken|done|put|set|made|sought|undertaken)\b/,
  /\bwill (now )?(take|put|review|introduce|implement|develop|address|seek|work|ensure|target|reduce|increase|improve|tackle|continue to work)\b/,
  /\bto improve\b/, /\bimplement\w*/, /\bintroduc\w*/, /\bcatch[- ]up\b/, /\btrajector\w*/, /\bcontrols?\b/, /\bin place\b/,
];

/** A word just before that says the word after does not apply. */
const DENIED = /\b(no|not|nor|without|nothing|never|none|any)\s+(\w+\s+){0,2}$/;

function found(text: string, words: RegExp[]): boolean {
  for (const word of words) {
    const re = new RegExp(word.source, "g");
    for (const m of text.matchAll(re)) {
      if (!DENIED.test(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index))) return true;
    }
  }
  return false;
}

/** The commentary says there is a problem, or what is being done about it. */
export function acknowledgesConcern(commentary: string): boolean {
  const text = commentary.toLowerCase().replace(/\s+/g, " ");
  if (SHORTFALL_PHRASES.some((re) => re.test(text))) return true;
  return found(text, CONCERN_WORDS) || found(text, ACTION_WORDS);
}
