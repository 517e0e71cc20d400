/**
 * Dense ranks of texts in an `Intl.Collator`'s order, without a collator call per comparison for
 * the common case (docs/table.md, "Sorting").
 *
 * Under a collator that keeps the root order for printable ASCII (no locale tailoring, punctuation
 * not ignored, no upper-case-first), the collator compares the whole string's primary weights
 * (base letters, case-blind) first, and looks at accents and case only when those all tie. Every
 * printable ASCII character has one collation element of its own, and a combining accent (what
 * "é" is made of after NFD) has no primary weight. So texts made of printable ASCII, possibly
 * accented, are sorted by an MSD radix sort on their primary weights (four characters per pass,
 * packed into one integer), and only texts whose primary weights all tie need more: plain ASCII
 * ones by each character's rank among its primary-equals (its case), the others by the collator.
 * The weights are read from the collator itself, so they follow whatever ICU the browser ships;
 * an accented Latin-1 letter ("é") weighs as its letter when the collator says its accent adds no
 * primary weight, other accents are taken off after NFD. The texts are joined into a few long
 * strings first and read from there (see JoinedTexts), and each text's first 28 weights are
 * written once into a table the passes read, in rows grouped by the text's first two weights (so
 * a group's later passes find its rows in cache). Other texts (other scripts, letters such as "ß" or
 * "æ", controls, digits under numeric collation, tailored locales) are sorted with the collator and
 * merged in by binary search with the collator.
 */

/** Locales whose collation leaves printable ASCII in the root order (no contractions such as
 * Czech "ch" or Danish "aa", no Turkish dotless i). */
const ROOT_ASCII_LANGUAGES = new Set(['en', 'de', 'fr', 'it', 'pt', 'nl', 'es', 'ca', 'id', 'ms', 'und']);

const FIRST_PRINTABLE = 0x20;
const LAST_PRINTABLE = 0x7e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const FIRST_MARK = 0x300;
const LAST_MARK = 0x36f;

/** How a text is ordered. */
const PLAIN = 0; // printable ASCII: primary weights, then case ranks
const ACCENTED = 1; // printable ASCII with accents: its letters' primary weights, then the collator
const OTHER = 2; // the collator alone

interface Weights {
  /** Primary weight (1…127) per UTF-16 code (a lookup without a range check): printable ASCII, and
   * accented Latin-1 letters whose accent adds no primary weight (their letter's); 0 for any other
   * character, and past a text's end. */
  primary: Uint8Array;
  /** Rank among the characters of equal primary weight (the case), per printable ASCII code. */
  tie: Uint8Array;
  /** The same collation at primary strength, to check that accents add no primary weight. */
  base: Intl.Collator;
}

/** Per printable ASCII code and accented Latin-1 letter: its primary weight and its rank among primary-equals, or null when unsafe. */
function collationWeights(collator: Intl.Collator): Weights | null {
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
  const primary = new Uint8Array(0x10000);
  const tie = new Uint8Array(LAST_PRINTABLE + 1);
  let weight = 1;
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
  if (options.numeric) primary.fill(0, DIGIT_0, DIGIT_9 + 1);
  // "é" is "e" + an accent: it weighs as "e" when the accent adds no primary weight (Spanish "ñ" does).
  for (let c = 0xc0; c <= 0xff; c++) {
    const letter = String.fromCharCode(c).normalize('NFD');
    const code = letter.charCodeAt(0);
    if (letter.length === 2 && code <= LAST_PRINTABLE && base.compare(letter, letter[0]) === 0) primary[c] = primary[code];
  }
  return { primary, tie, base };
}

/**
 * The text without its accents when it is printable ASCII plus combining accents after NFD, and
 * each accented letter has its letter's primary weight under this collation (Spanish "ñ" does not);
 * else null. `accentFree` caches that check per letter + accents.
 */
function withoutAccents(s: string, numeric: boolean, base: Intl.Collator, accentFree: Map<string, boolean>): string | null {
  const nfd = s.normalize('NFD');
  let out = '';
  let from = 0;
  for (let i = 0; i < nfd.length; i++) {
    const c = nfd.charCodeAt(i);
    if (c >= FIRST_PRINTABLE && c <= LAST_PRINTABLE && !(numeric && c >= DIGIT_0 && c <= DIGIT_9)) continue;
    if (c < FIRST_MARK || c > LAST_MARK || i === 0) return null;
    let end = i + 1;
    while (end < nfd.length && nfd.charCodeAt(end) >= FIRST_MARK && nfd.charCodeAt(end) <= LAST_MARK) end++;
    const cluster = nfd.slice(i - 1, end);
    let free = accentFree.get(cluster);
    if (free === undefined) {
      free = base.compare(cluster, cluster[0]) === 0;
      accentFree.set(cluster, free);
    }
    if (!free) return null;
    out += nfd.slice(from, i);
    from = end;
    i = end - 1;
  }
  return out + nfd.slice(from);
}

/** Texts per joined string, and characters at most (a joined string stays far below the engine's limit). */
const JOIN_TEXTS = 8192;
const JOIN_CHARS = 1 << 22;
/** A text's place in its joined string (below JOIN_CHARS) takes 22 bits; its length the 10 above. */
const PLACE_BITS = 22;
/** Texts this long or longer are left to the collator (their length does not fit in 10 bits). */
export const LONG_TEXT = 1023;

/**
 * Texts joined end to end into a few long strings. A table's texts are often ropes of small
 * strings scattered in memory (text built by concatenation); reading each character through them
 * costs far more than one join, which copies them in order, and a joined string is read as a flat
 * run of characters.
 */
class JoinedTexts {
  readonly strings: string[] = [];
  /** Per text: its joined string. Fewer than 65,536 strings: a string ends after JOIN_TEXTS texts
   * or past JOIN_CHARS characters, so that many would take half a billion texts or 2^38 characters. */
  readonly stringOf: Uint16Array;
  /** Per text: its place in its string, and its length above (LONG_TEXT for that or longer), in one
   * word: a million texts' typed arrays are what sets the engine's garbage collector going
   * (docs/table.md, "Sorting"). */
  private readonly placeOf: Uint32Array;

  constructor(count: number) {
    this.stringOf = new Uint16Array(count);
    this.placeOf = new Uint32Array(count);
  }

  startOf(id: number): number {
    return this.placeOf[id] & ((1 << PLACE_BITS) - 1);
  }

  /** The text's length, or LONG_TEXT for a text that long or longer. */
  lengthOf(id: number): number {
    return this.placeOf[id] >>> PLACE_BITS;
  }

  /** Joins `texts` in; `ids[i]` names the text `texts[i]` (default: its index). `onJoined(from, to)`
   * follows each string joined, of texts[from, to): they can be read there while in cache. */
  add(texts: readonly string[], ids?: readonly number[], onJoined?: (from: number, to: number) => void): void {
    for (let from = 0; from < texts.length; ) {
      let to = from;
      let chars = 0;
      for (; to < texts.length && to - from < JOIN_TEXTS && (to === from || chars < JOIN_CHARS); to++) {
        const id = ids ? ids[to] : to;
        this.stringOf[id] = this.strings.length;
        this.placeOf[id] = (chars | (Math.min(texts[to].length, LONG_TEXT) << PLACE_BITS)) >>> 0;
        chars += texts[to].length;
      }
      this.strings.push(texts.slice(from, to).join(''));
      onJoined?.(from, to);
      from = to;
    }
  }

  /** Whether texts a and b (shorter than LONG_TEXT) are the same characters (read here: comparing
   * the texts may flatten two ropes). */
  same(a: number, b: number): boolean {
    const length = this.lengthOf(a);
    if (this.lengthOf(b) !== length) return false;
    const sa = this.strings[this.stringOf[a]];
    const sb = this.strings[this.stringOf[b]];
    const from = this.startOf(a) - this.startOf(b);
    for (let i = this.startOf(b), end = i + length; i < end; i++) if (sa.charCodeAt(i + from) !== sb.charCodeAt(i)) return false;
    return true;
  }
}

/** Characters of primary weight per radix pass: one byte each in a 32-bit key. */
const CHARS_PER_PASS = 4;
/** The first 28 characters' primary weights of every text are read once into a table of 32-bit
 * words, so a pass reads one word per text instead of the text; a text's words sit together in
 * one row, and the rows of texts that share their first two weights sit together (written there
 * in the first place: the passes over such a bucket find its rows in cache). Measured on 1M names
 * and left out: 4 words (the groups past 16 characters read the joined strings, over 2× slower),
 * and copying the rows into the first pass's order (the copy costs what the later passes save).
 * 7 words rather than 8: 4 MB less to allocate (docs/table.md, "Sorting") for 49,000 keys read
 * from the joined strings instead of 9,000; 6 words would read 254,000. */
const MAX_WORDS = 7;
/** Groups up to this size are sorted by insertion, comparing the rest of their weights at once. */
const SMALL_GROUP = 12;
/** Radix digits over a key's differing bits: up to 8 bits a pass for small groups, 11 from this size, */
const MID_DIGITS_MIN = 4096;
/** 16 (65,536 counts to clear and sum each pass) from this size. */
const WIDE_DIGITS_MIN = 1 << 18;

/** `words[row * stride + j]`: the primary weights of characters 4j … 4j + 3 of the text in that
 * row, first in the high byte, 0 past the text's end. */
interface WeightTable {
  words: Uint32Array;
  stride: number;
  /** The text whose weights a row holds (NO_TEXT: none). */
  textOf: Uint32Array;
}
const NO_TEXT = 0xffffffff;
/** Bits per weight in a bucket number, two weights a bucket (weights stay below 128: there are 95
 * printable characters). */
const WEIGHT_BITS = 7;

/**
 * Writes the primary weights of `s.slice(from, end)` (a text) into the table's row `k`, and returns
 * its kind: OTHER (having written part of it) when a character is not in the weight table.
 * Four characters a step, one word each, and no branch per character but the one for OTHER: this
 * runs for every character of every text, from the first call (docs/table.md, "Sorting").
 */
function writeWeights(table: WeightTable, k: number, s: string, from: number, end: number, primary: Uint8Array): number {
  const words = table.words;
  let at = k * table.stride;
  const tableEnd = Math.min(end, from + table.stride * CHARS_PER_PASS);
  // Every code OR-ed together: 0x80 or more when some character is past ASCII (accented).
  let codes = 0;
  let i = from;
  for (; i + CHARS_PER_PASS <= tableEnd; i += CHARS_PER_PASS) {
    const c0 = s.charCodeAt(i);
    const c1 = s.charCodeAt(i + 1);
    const c2 = s.charCodeAt(i + 2);
    const c3 = s.charCodeAt(i + 3);
    const w0 = primary[c0];
    const w1 = primary[c1];
    const w2 = primary[c2];
    const w3 = primary[c3];
    if (w0 === 0 || w1 === 0 || w2 === 0 || w3 === 0) return OTHER;
    codes |= c0 | c1 | c2 | c3;
    words[at++] = (w0 << 24) | (w1 << 16) | (w2 << 8) | w3;
  }
  if (i < tableEnd) {
    let key = 0;
    let shift = 24;
    for (; i < tableEnd; i++, shift -= 8) {
      const c = s.charCodeAt(i);
      const w = primary[c];
      if (w === 0) return OTHER;
      codes |= c;
      key |= w << shift;
    }
    words[at] = key;
  }
  // Past the table: only whether each character has a weight, and whether it is accented.
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (primary[c] === 0) return OTHER;
    codes |= c;
  }
  return codes > 0x7f ? ACCENTED : PLAIN;
}

/**
 * Sorts the table's rows (texts of kind PLAIN or ACCENTED) in the collator's order: `ids` holds
 * them grouped by their first two weights (bucket b in ids[bucketStart[b], bucketEnd[b]), rows
 * past a bucket's end unused). Returns, per position, 1 where a new collation class starts (the
 * text there differs from the one before it). Past the table, weights are read from `joined`
 * (where accents that add no primary weight may remain) or, for texts whose accents were taken
 * off after NFD (`isBare`), from `bare`.
 */
function sortByWeights(
  ids: Uint32Array,
  bucketStart: Uint32Array,
  bucketEnd: Uint32Array,
  table: WeightTable,
  joined: JoinedTexts,
  bare: JoinedTexts,
  isBare: Uint8Array,
  primary: Uint8Array,
  resolveTies: (lo: number, hi: number, classStart: Uint8Array) => void,
): Uint8Array {
  const n = ids.length;
  const classStart = new Uint8Array(n);
  if (n === 0) return classStart;
  // A group lies within a bucket: its keys, and its radix passes' scratch, fit the largest bucket
  // (indexed from the group's start), not every text (docs/table.md, "Sorting": less to allocate).
  let largest = 0;
  for (let b = 0; b < bucketEnd.length; b++) largest = Math.max(largest, bucketEnd[b] - bucketStart[b]);
  const keys = new Uint32Array(largest);
  const idScratch = new Uint32Array(largest);
  const keyScratch = new Uint32Array(largest);
  const counts = new Uint32Array(1 << 16);

  const { words, stride, textOf } = table;
  const tableChars = stride * CHARS_PER_PASS;

  /** Row `row`'s primary weights at `depth` … `depth` + 3, first in the high byte, 0 past its end. */
  const keyAt = (row: number, depth: number): number => {
    if (depth < tableChars) return words[row * stride + depth / CHARS_PER_PASS];
    const id = textOf[row];
    const texts = isBare[id] ? bare : joined;
    const s = texts.strings[texts.stringOf[id]];
    const start = texts.startOf(id);
    const from = start + depth;
    const end = Math.min(from + CHARS_PER_PASS, start + texts.lengthOf(id));
    let key = 0;
    for (let at = from; at < from + CHARS_PER_PASS; at++) key = (key << 8) | (at < end ? primary[s.charCodeAt(at)] : 0);
    return key >>> 0;
  };

  /** Two texts' primary weights compared from `depth` on (they tie before it). */
  const comparePrimary = (a: number, b: number, depth: number): number => {
    for (let d = depth; ; d += CHARS_PER_PASS) {
      const ka = keyAt(a, d);
      const kb = keyAt(b, d);
      if (ka !== kb) return ka < kb ? -1 : 1;
      if ((ka & 0xff) === 0) return 0; // both ended
    }
  };

  /** A small group whose texts tie before `depth`, sorted by insertion on the rest of their weights. */
  const finishSmall = (lo: number, hi: number, depth: number): void => {
    for (let i = lo + 1; i < hi; i++) {
      const id = ids[i];
      let j = i - 1;
      while (j >= lo && comparePrimary(ids[j], id, depth) > 0) {
        ids[j + 1] = ids[j];
        j--;
      }
      ids[j + 1] = id;
    }
    for (let begin = lo; begin < hi; ) {
      let end = begin + 1;
      while (end < hi && comparePrimary(ids[begin], ids[end], depth) === 0) end++;
      classStart[begin] = 1;
      if (end - begin > 1) resolveTies(begin, end, classStart);
      begin = end;
    }
  };

  /**
   * Stable LSD radix sort of ids[lo, hi) by keys[0, hi - lo), over only the bits that differ among
   * them (`varying`, never 0): each pass takes up to `maxBits` bits from the lowest differing bit not
   * yet sorted on. Texts that share most of their next four characters ("Smith, J…") take one pass.
   */
  const radixSort = (lo: number, hi: number, varying: number, maxBits: number): void => {
    const m = hi - lo;
    let [fromIds, fromKeys, toIds, toKeys]: Uint32Array[] = [ids, keys, idScratch, keyScratch];
    // Where the group starts in fromIds and toIds: lo in ids, 0 in the scratch.
    let fromAt = lo;
    let toAt = 0;
    for (let rest = varying | 0; rest !== 0; ) {
      const shift = 31 - Math.clz32(rest & -rest);
      const bits = Math.min(maxBits, 32 - Math.clz32(rest) - shift);
      const mask = (1 << bits) - 1;
      rest = shift + bits >= 32 ? 0 : rest & ~((1 << (shift + bits)) - 1);
      counts.fill(0, 0, mask + 1);
      for (let i = 0; i < m; i++) counts[(fromKeys[i] >>> shift) & mask]++;
      let sum = 0;
      for (let d = 0; d <= mask; d++) {
        const c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      for (let i = 0; i < m; i++) {
        const k = fromKeys[i];
        const to = counts[(k >>> shift) & mask]++;
        toKeys[to] = k;
        toIds[toAt + to] = fromIds[fromAt + i];
      }
      [fromIds, fromKeys, toIds, toKeys] = [toIds, toKeys, fromIds, fromKeys];
      [fromAt, toAt] = [toAt, fromAt];
    }
    if (fromIds !== ids) {
      ids.set(fromIds.subarray(0, m), lo);
      keys.set(fromKeys.subarray(0, m));
    }
  };

  // Groups of texts whose primary weights tie before `depth`, as (lo, hi, depth) triples.
  let stack = new Uint32Array(3 * 1024);
  let top = 0;
  const push = (lo: number, hi: number, depth: number): void => {
    if (top + 3 > stack.length) {
      const grown = new Uint32Array(stack.length * 2);
      grown.set(stack);
      stack = grown;
    }
    stack[top++] = lo;
    stack[top++] = hi;
    stack[top++] = depth;
  };
  /** Sorts a group whose texts tie before `depth` by their next four weights, and queues its ties. */
  const sortGroup = (lo: number, hi: number, depth: number): void => {
    const m = hi - lo;
    if (m <= SMALL_GROUP) return finishSmall(lo, hi, depth);
    // The bits set in every key and in some key: where they differ, the keys do.
    let all = -1;
    let some = 0;
    if (depth < tableChars) {
      const word = depth / CHARS_PER_PASS;
      for (let i = lo; i < hi; i++) {
        const k = words[ids[i] * stride + word];
        keys[i - lo] = k;
        all &= k;
        some |= k;
      }
    } else {
      for (let i = lo; i < hi; i++) {
        const k = keyAt(ids[i], depth);
        keys[i - lo] = k;
        all &= k;
        some |= k;
      }
    }
    const varying = (all ^ some) >>> 0;
    if (varying !== 0) radixSort(lo, hi, varying, m < MID_DIGITS_MIN ? 8 : m < WIDE_DIGITS_MIN ? 11 : 16);
    for (let begin = lo; begin < hi; ) {
      const key = keys[begin - lo];
      let end = begin + 1;
      while (end < hi && keys[end - lo] === key) end++;
      classStart[begin] = 1;
      if (end - begin > 1) {
        // A 0 in the last weight: these texts ended, every primary weight ties.
        if ((key & 0xff) === 0) resolveTies(begin, end, classStart);
        else push(begin, end, depth + CHARS_PER_PASS);
      }
      begin = end;
    }
  };
  for (let b = 0; b < bucketEnd.length; b++) {
    const lo = bucketStart[b];
    const hi = bucketEnd[b];
    if (hi > lo) classStart[lo] = 1;
    if (hi - lo > 1) push(lo, hi, 0);
  }
  while (top > 0) {
    const depth = stack[--top];
    const hi = stack[--top];
    sortGroup(stack[--top], hi, depth);
  }
  return classStart;
}

/** Texts in a collator's order, as `collate` gives them when it ranked every text without the collator. */
export interface CollationOrder {
  /** The texts' indices, sorted; texts the collator calls equal in the order they came. */
  order: Uint32Array;
  /** Per place in `order`: 1 where a new rank starts (the text there sorts after the one before it). */
  rankStart: Uint8Array;
  /** How many ranks there are. */
  count: number;
}

/** Dense ranks (0 = first) of `texts` in `collator`'s order; texts the collator calls equal share a rank. */
export function collationRanks(texts: readonly string[], collator: Intl.Collator): Uint32Array {
  const collated = collate(texts, collator);
  return collated instanceof Uint32Array ? collated : ranksOf(collated);
}

/** Each text's dense rank, from the texts in order. */
export function ranksOf({ order, rankStart }: CollationOrder): Uint32Array {
  const ranks = new Uint32Array(order.length);
  for (let p = 0, rank = -1; p < order.length; p++) ranks[order[p]] = rank += rankStart[p];
  return ranks;
}

/**
 * The texts in `collator`'s order when every one was ranked by its weights (names, ids: the order
 * is what a whole-column sort wants, and no rank is written per text), else their dense ranks.
 */
export function collate(texts: readonly string[], collator: Intl.Collator): CollationOrder | Uint32Array {
  const n = texts.length;
  const numeric = collator.resolvedOptions().numeric;
  const weights = collationWeights(collator);
  const kinds = new Uint8Array(n).fill(OTHER);
  const joined = new JoinedTexts(weights ? n : 0);
  // Texts without their accents (after NFD), where those add no primary weight.
  let bare = new JoinedTexts(0);
  const isBare = new Uint8Array(n);
  const { strings, stringOf } = joined;
  const primary = weights?.primary ?? new Uint8Array(0);
  const accentFree = new Map<string, boolean>();
  /** A text's bucket: its first two primary weights (0 past its end, or for a character without one). */
  const bucketAt = (s: string, start: number, length: number): number =>
    ((length > 0 ? primary[s.charCodeAt(start)] : 0) << WEIGHT_BITS) | (length > 1 ? primary[s.charCodeAt(start + 1)] : 0);
  // Texts per bucket (by the first two weights), counted as each string is joined (while in
  // cache), place each bucket's rows; texts whose first two characters have no weights are taken
  // without their accents from here on (`bareOf`), or left to the collator, as are long ones.
  const bucketStart = new Uint32Array((1 << (2 * WEIGHT_BITS)) + 1);
  const bareOf = new Map<number, string>();
  let longest = 0;
  let rowCount = 0;
  const bucketJoined = (from: number, to: number): void => {
    const s = strings[strings.length - 1];
    for (let k = from; k < to; k++) {
      const length = joined.lengthOf(k);
      if (length === LONG_TEXT) continue;
      let bucket = bucketAt(s, joined.startOf(k), length);
      if ((length > 0 && bucket >>> WEIGHT_BITS === 0) || (length > 1 && (bucket & ((1 << WEIGHT_BITS) - 1)) === 0)) {
        const b = withoutAccents(texts[k], numeric, weights!.base, accentFree);
        if (b === null || b.length >= LONG_TEXT) continue;
        bareOf.set(k, b);
        isBare[k] = 1;
        bucket = bucketAt(b, 0, b.length);
        longest = Math.max(longest, b.length);
      } else longest = Math.max(longest, length);
      bucketStart[bucket + 1]++;
      kinds[k] = PLAIN;
      rowCount++;
    }
  };
  if (weights) joined.add(texts, undefined, bucketJoined);
  for (let b = 1; b < bucketStart.length; b++) bucketStart[b] += bucketStart[b - 1];
  // Where each bucket's next row goes while the rows are written, and then where its rows end.
  const bucketEnd = bucketStart.slice(0, bucketStart.length - 1);
  const stride = Math.min(MAX_WORDS, Math.ceil(longest / CHARS_PER_PASS));
  const table: WeightTable = { words: new Uint32Array(rowCount * stride), stride, textOf: new Uint32Array(rowCount).fill(NO_TEXT) };
  let fastCount = 0;
  if (weights) {
    // Texts with a character outside the weight table: their accents, taken off after NFD, may add no primary weight.
    const unaccented: string[] = [];
    const unaccentedIds: number[] = [];
    for (let k = 0; k < n; k++) {
      if (kinds[k] === OTHER) continue;
      // The text without its accents, when it is weighed that way.
      let b = isBare[k] ? bareOf.get(k)! : null;
      const s = strings[stringOf[k]];
      const start = joined.startOf(k);
      const end = start + joined.lengthOf(k);
      // Its bucket, read again (not kept per text: the fewer bytes allocated, the rarer a collection).
      const bucket = b === null ? bucketAt(s, start, end - start) : bucketAt(b, 0, b.length);
      const row = bucketEnd[bucket]++;
      let kind = b === null ? writeWeights(table, row, s, start, end, primary) : ACCENTED;
      if (kind === OTHER) {
        // Its first two characters have weights, and so keep them without accents: same bucket.
        table.words.fill(0, row * stride, (row + 1) * stride);
        b = withoutAccents(texts[k], numeric, weights.base, accentFree);
        if (b === null || b.length >= LONG_TEXT) {
          kinds[k] = OTHER;
          bucketEnd[bucket]--;
          continue;
        }
        isBare[k] = 1;
        kind = ACCENTED;
      }
      if (b !== null) {
        writeWeights(table, row, b, 0, b.length, primary);
        unaccented.push(b);
        unaccentedIds.push(k);
      }
      table.textOf[row] = k;
      kinds[k] = kind;
      fastCount++;
    }
    if (unaccented.length) {
      bare = new JoinedTexts(n);
      bare.add(unaccented, unaccentedIds);
    }
  }
  const compare = (a: number, b: number) => collator.compare(texts[a], texts[b]);

  // Texts whose primary weights tie: plain ones by their characters' case ranks, else the collator.
  const compareTies = (a: number, b: number): number => {
    const sa = texts[a];
    const sb = texts[b];
    if (kinds[a] !== PLAIN || kinds[b] !== PLAIN) return collator.compare(sa, sb);
    const tie = weights!.tie;
    for (let i = 0; i < sa.length; i++) {
      const d = tie[sa.charCodeAt(i)] - tie[sb.charCodeAt(i)];
      if (d !== 0) return d;
    }
    return 0;
  };
  const { textOf } = table;
  // The rows, in the collator's order once sorted.
  const order = new Uint32Array(rowCount);
  for (let r = 0; r < rowCount; r++) order[r] = r;
  const resolveTies = (lo: number, hi: number, classStart: Uint8Array) => {
    // Usually the same text repeated (a category, a duplicate name): nothing to order.
    let same = lo + 1;
    while (same < hi && joined.same(textOf[order[lo]], textOf[order[same]])) same++;
    if (same === hi) return;
    const rows = order.slice(lo, hi);
    const group = rows.map((row) => textOf[row]);
    const distinct = distinctTexts(group, texts);
    if (distinct.length === 1) return;
    distinct.sort(compareTies);
    const rankOf = new Map<string, number>();
    let rank = 0;
    distinct.forEach((id, i) => {
      if (i > 0 && compareTies(distinct[i - 1], id) !== 0) rank++;
      rankOf.set(texts[id], rank);
    });
    // A counting sort of the group by those ranks.
    const groupRanks = group.map((id) => rankOf.get(texts[id])!);
    const starts = new Uint32Array(rank + 2);
    for (const r of groupRanks) starts[r + 1]++;
    for (let r = 0; r <= rank; r++) starts[r + 1] += starts[r];
    for (let r = 1; r <= rank; r++) classStart[lo + starts[r]] = 1;
    rows.forEach((row, i) => (order[lo + starts[groupRanks[i]]++] = row));
  };
  const rowStart = weights ? sortByWeights(order, bucketStart, bucketEnd, table, joined, bare, isBare, primary, resolveTies) : new Uint8Array(0);
  // The sorted texts, without the rows left unused: written over the rows and their marks (j <= r).
  let fastRanks = 0;
  for (let r = 0, j = 0; r < rowCount; r++) {
    const id = textOf[order[r]];
    if (id === NO_TEXT) continue;
    order[j] = id;
    fastRanks += rowStart[j++] = rowStart[r];
  }
  const fast = order.subarray(0, fastCount);
  const classStart = rowStart.subarray(0, fastCount);
  const others: number[] = [];
  if (fastCount === n) return { order: fast, rankStart: classStart, count: fastRanks };
  for (let k = 0; k < n; k++) if (kinds[k] === OTHER) others.push(k);

  // The other texts, once each, in the collator's order.
  const otherIds = distinctTexts(others, texts).sort(compare);
  // Each goes before the first fast text not below it, found by galloping from the previous one's
  // place (other texts are usually few and spread out); `joins` when it equals that text.
  const insertAt = new Uint32Array(otherIds.length);
  const joins = new Uint8Array(otherIds.length);
  let f = 0;
  otherIds.forEach((o, i) => {
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
    f = lo;
    insertAt[i] = lo;
    joins[i] = lo < fast.length && compare(fast[lo], o) === 0 ? 1 : 0;
  });

  const ranks = new Uint32Array(n);
  const otherRank = new Map<string, number>();
  let rank = -1;
  let o = 0;
  let joinsFast = false;
  const placeOthersAt = (at: number) => {
    for (; o < otherIds.length && insertAt[o] === at; o++) {
      if (o === 0 || insertAt[o - 1] !== at || compare(otherIds[o - 1], otherIds[o]) !== 0) rank++;
      otherRank.set(texts[otherIds[o]], rank);
      joinsFast = joins[o] === 1;
    }
  };
  for (let p = 0; p < fast.length; p++) {
    placeOthersAt(p);
    if (classStart[p] && !joinsFast) rank++;
    joinsFast = false;
    ranks[fast[p]] = rank;
  }
  placeOthersAt(fast.length);
  for (const k of others) ranks[k] = otherRank.get(texts[k])!;
  return ranks;
}

/** The first id of each distinct text among `ids`. */
function distinctTexts(ids: ArrayLike<number>, texts: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (seen.has(texts[id])) continue;
    seen.add(texts[id]);
    out.push(id);
  }
  return out;
}
