/**
 * Dense ranks of distinct texts in an `Intl.Collator`'s order, without a collator call per
 * comparison for the common case (docs/table.md, "Sorting").
 *
 * For printable-ASCII strings under a collator that keeps the root order for ASCII (no locale
 * tailoring, punctuation not ignored, no upper-case-first), the collator compares every
 * character's primary weight first (case-blind), then, only when those all tie, the case. Every
 * printable ASCII character has one collation element of common secondary weight, so a key made
 * of the primary weights, a separator, then each character's rank among its primary-equals sorts
 * by plain code-unit order exactly as the collator does. The weights are read from the collator
 * itself, so the key follows whatever ICU the browser ships. Other strings (accents, other
 * scripts, controls, digits under numeric collation) are sorted with the collator and merged in by
 * binary search with the collator.
 */

/** Locales whose collation leaves printable ASCII in the root order (no contractions such as
 * Czech "ch" or Danish "aa", no Turkish dotless i). */
const ROOT_ASCII_LANGUAGES = new Set(['en', 'de', 'fr', 'it', 'pt', 'nl', 'es', 'ca', 'id', 'ms', 'und']);

const FIRST_PRINTABLE = 0x20;
const LAST_PRINTABLE = 0x7e;

/** Per printable ASCII code: [primary weight, rank among primary-equals], or null when unsafe. */
function asciiWeights(collator: Intl.Collator): { primary: Uint8Array; tie: Uint8Array } | null {
  const options = collator.resolvedOptions();
  const language = options.locale.split('-')[0];
  if (
    !ROOT_ASCII_LANGUAGES.has(language) ||
    options.collation !== 'default' ||
    options.ignorePunctuation ||
    options.sensitivity !== 'variant' ||
    options.caseFirst === 'upper'
  ) {
    return null;
  }
  const base = new Intl.Collator(options.locale, { sensitivity: 'base', numeric: options.numeric });
  const chars: string[] = [];
  for (let c = FIRST_PRINTABLE; c <= LAST_PRINTABLE; c++) chars.push(String.fromCharCode(c));
  chars.sort(collator.compare);
  const primary = new Uint8Array(LAST_PRINTABLE + 1);
  const tie = new Uint8Array(LAST_PRINTABLE + 1);
  let weight = 1; // 0 is the separator between the primary and the tie part of a key
  let tieRank = 1;
  for (let i = 0; i < chars.length; i++) {
    if (i > 0) {
      // Each character must be a distinct collation element, and equal ones at base level adjacent.
      if (collator.compare(chars[i - 1], chars[i]) === 0) return null;
      if (base.compare(chars[i - 1], chars[i]) !== 0) {
        weight++;
        tieRank = 1;
      } else tieRank++;
    }
    primary[chars[i].charCodeAt(0)] = weight;
    tie[chars[i].charCodeAt(0)] = tieRank;
  }
  return { primary, tie };
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** Below this many strings a bucket is finished by insertion sort. */
const SMALL_BUCKET = 32;
/** Past this depth (long shared prefixes) a bucket is finished by a comparison sort. */
const MAX_DEPTH = 64;

/**
 * The primary weights of every plain-ASCII text, back to back (text k's run is
 * `weights[offsets[k]] … weights[offsets[k + 1] - 1]`, empty for the other texts), and the ids of
 * the other texts. One flat buffer keeps the radix passes off the strings themselves.
 */
function primaryRuns(texts: readonly string[], primary: Uint8Array | null, numeric: boolean) {
  let total = 0;
  for (const s of texts) total += s.length;
  const weights = new Uint8Array(primary ? total : 0);
  const offsets = new Uint32Array(texts.length + 1);
  const others: number[] = [];
  let at = 0;
  for (let k = 0; k < texts.length; k++) {
    offsets[k] = at;
    const s = texts[k];
    let plain = primary !== null;
    for (let i = 0; plain && i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < FIRST_PRINTABLE || c > LAST_PRINTABLE || (numeric && c >= DIGIT_0 && c <= DIGIT_9)) plain = false;
      else weights[at + i] = primary![c];
    }
    if (plain) at += s.length;
    else others.push(k);
  }
  offsets[texts.length] = at;
  return { weights, offsets, others };
}

/**
 * Sorts ids of plain-ASCII texts in place in the collator's order: an MSD radix sort on the
 * primary weight at each character position, then the tie ranks when all primary weights tie.
 */
function sortAscii(ids: Uint32Array, texts: readonly string[], runs: { weights: Uint8Array; offsets: Uint32Array }, tie: Uint8Array): void {
  const { weights, offsets } = runs;
  const scratch = new Uint32Array(ids.length);
  const weightAt = (id: number, depth: number) => {
    const i = offsets[id] + depth;
    return i < offsets[id + 1] ? weights[i] : 0;
  };
  const compareFrom = (depth: number) => (a: number, b: number) => {
    const end = Math.max(offsets[a + 1] - offsets[a], offsets[b + 1] - offsets[b]);
    for (let i = depth; i < end; i++) {
      const d = weightAt(a, i) - weightAt(b, i);
      if (d !== 0) return d;
    }
    const sa = texts[a];
    const sb = texts[b];
    for (let i = 0; i < sa.length; i++) {
      const d = tie[sa.charCodeAt(i)] - tie[sb.charCodeAt(i)];
      if (d !== 0) return d;
    }
    return 0;
  };
  const insertionSort = (lo: number, hi: number, compare: (a: number, b: number) => number) => {
    for (let i = lo + 1; i < hi; i++) {
      const v = ids[i];
      let j = i - 1;
      while (j >= lo && compare(ids[j], v) > 0) {
        ids[j + 1] = ids[j];
        j--;
      }
      ids[j + 1] = v;
    }
  };
  const sortRange = (lo: number, hi: number, depth: number): void => {
    if (hi - lo < SMALL_BUCKET) return insertionSort(lo, hi, compareFrom(depth));
    if (depth >= MAX_DEPTH) {
      ids.set(Array.from(ids.subarray(lo, hi)).sort(compareFrom(depth)), lo);
      return;
    }
    // Bucket w holds the texts whose weight at `depth` is w; bucket 0 those that end before it.
    const start = new Int32Array(129);
    for (let i = lo; i < hi; i++) start[weightAt(ids[i], depth) + 1]++;
    for (let w = 0; w < 128; w++) start[w + 1] += start[w];
    const next = start.slice(0, 128);
    for (let i = lo; i < hi; i++) scratch[lo + next[weightAt(ids[i], depth)]++] = ids[i];
    ids.set(scratch.subarray(lo, hi), lo);
    // Texts ending here share every primary weight, so only their tie ranks order them.
    if (start[1] > 1) ids.set(Array.from(ids.subarray(lo, lo + start[1])).sort(compareFrom(depth)), lo);
    for (let w = 1; w < 128; w++) if (start[w + 1] - start[w] > 1) sortRange(lo + start[w], lo + start[w + 1], depth + 1);
  };
  sortRange(0, ids.length, 0);
}

/** Dense ranks (0 = first) of distinct `texts` in `collator`'s order; equal texts share a rank. */
export function collationRanks(texts: readonly string[], collator: Intl.Collator): Float64Array {
  const weights = asciiWeights(collator);
  const runs = primaryRuns(texts, weights && weights.primary, collator.resolvedOptions().numeric);
  const { others } = runs;
  const isOther = new Uint8Array(texts.length);
  for (const o of others) isOther[o] = 1;
  const fast = new Uint32Array(texts.length - others.length);
  for (let k = 0, j = 0; k < texts.length; k++) if (!isOther[k]) fast[j++] = k;
  if (weights) sortAscii(fast, texts, runs, weights.tie);
  const compare = (a: number, b: number) => collator.compare(texts[a], texts[b]);
  others.sort(compare);

  // Merge: each other text goes before the first fast text not below it, found by galloping
  // from the previous one's place (other texts are usually few and spread out).
  const order: number[] = [];
  let f = 0;
  for (const o of others) {
    let lo = f;
    let hi = f;
    for (let step = 1; hi < fast.length && compare(fast[hi], o) < 0; step *= 2) {
      lo = hi + 1;
      hi += step;
    }
    hi = Math.min(hi, fast.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(fast[mid], o) < 0) lo = mid + 1;
      else hi = mid;
    }
    while (f < lo) order.push(fast[f++]);
    order.push(o);
  }
  while (f < fast.length) order.push(fast[f++]);

  // Distinct ASCII keys never tie; ties involving other texts are adjacent after the merge.
  const ranks = new Float64Array(texts.length);
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    if (i > 0 && ((!isOther[order[i - 1]] && !isOther[order[i]]) || compare(order[i - 1], order[i]) !== 0)) rank++;
    ranks[order[i]] = rank;
  }
  return ranks;
}
