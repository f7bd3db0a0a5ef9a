// The person record as the engine receives it (one row of the linkage format, see
// docs/decisions/0101-matching-engine.md) and the prepared form it compares.

/** Sex as recorded: F, M, X (other/unknown stated) or empty when not recorded. */
export type RecordedSex = 'F' | 'M' | 'X' | '';

/** One person record: a family report, a shelter registration, a forensic case, an intake. */
export interface PersonRecord {
  id: string;
  givenNames?: string;
  surnames?: string;
  sex?: RecordedSex;
  /** As written: "1990-08-15", "1990-08", "1990", "15/08/1990", "agosto 1990"… */
  birthDate?: string;
  /** Estimated age range in years at the event date, when the birth date is unknown. */
  ageMin?: number | null;
  ageMax?: number | null;
  /** ISO 3166-1 alpha-2. */
  nationality?: string;
  originPlace?: string;
  address?: string;
  documentId?: string;
  /** Last seen (reports) or found / registered / recovered (other records), YYYY-MM-DD. */
  eventDate?: string;
  eventPlace?: string;
  description?: string;
}

/** A record folded once into the forms every comparison needs (built by `prepareRecord`). */
export interface PreparedRecord {
  index: number;
  id: string;
  /** Given-name tokens, folded, nicknames mapped to the registered name when unambiguous. */
  given: string[];
  givenPhon: string[];
  /** Token ids (see tokenId) of `given`, for fast comparison. */
  givenIds: number[];
  /** Given tokens joined by spaces: the value whose frequency adjusts an exact agreement. */
  givenKey: string;
  /** Surname tokens, folded, particles removed. */
  sur: string[];
  surPhon: string[];
  surIds: number[];
  /** Surname tokens sorted and joined (order-free), for term frequencies of exact agreement. */
  surKey: string;
  /** 1 = F, 2 = M, 0 = unknown. */
  sex: number;
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  /** NaN when unknown. */
  ageMin: number;
  ageMax: number;
  /** Days since epoch, NaN when unknown. */
  eventDay: number;
  nationality: string;
  origin: string[];
  eventPlace: string[];
  address: string[];
  /** Letters and digits only, upper case; '' when unknown. */
  document: string;
}
