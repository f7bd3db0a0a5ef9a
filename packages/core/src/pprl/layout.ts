// The public layout of an encoded record: one fixed-size bit vector per record, cut into segments,
// one per identifying field (field-level Bloom filters, see docs/decisions/0132). Both parties
// know the layout; only the agreement secret decides which bit a value sets.

/** One segment of the record's bit vector. */
export interface Segment {
  /** First 32-bit word of the segment inside the record. */
  word: number;
  /** Length in 32-bit words. */
  words: number;
}

function layout<const T extends Record<string, number>>(sizes: T): { [K in keyof T]: Segment } & { total: number } {
  let word = 0;
  const out: Record<string, Segment | number> = {};
  for (const [name, bits] of Object.entries(sizes)) {
    out[name] = { word, words: bits / 32 };
    word += bits / 32;
  }
  out.total = word;
  return out as { [K in keyof T]: Segment } & { total: number };
}

/**
 * Sizes in bits. Names hold q-grams of every token plus q-grams of its Spanish phonetic key, so
 * they get the most room; numeric windows (birth and event years) are keyed one-hot vectors.
 */
export const LAYOUT = layout({
  given: 1024,
  surnames: 1024,
  // Date parts, one 64- or 128-bit slot per kind of part (see BIRTH_SLOTS).
  birthFull: 64,
  birthYear: 64,
  birthSorted: 64,
  birthMonthDay: 64,
  birthYearMonth: 64,
  birthYearDay: 64,
  birthYearDigits: 128,
  birthMonthDigits: 128,
  birthDayDigits: 128,
  birthNear: 256,
  birthFar: 256,
  sex: 32,
  nationality: 64,
  origin: 256,
  document: 256,
  address: 256,
  eventNear: 256,
  eventFar: 256,
  eventPlace: 256,
});

/** 32-bit words per encoded record. */
export const RECORD_WORDS = LAYOUT.total;

export type SegmentName = Exclude<keyof typeof LAYOUT, 'total'>;

export const SEGMENT_NAMES = Object.keys(LAYOUT).filter((k) => k !== 'total') as SegmentName[];

/** Kinds of keyed blocking token (the training sessions of the model need to tell them apart). */
export const TOKEN_OTHER = 0;
export const TOKEN_NAMES = 1;
export const TOKEN_DATE = 2;
