// The probabilities behind the AM/PM likelihood ratios (docs/decisions/0131). Each m is the chance
// of what is seen if the report and the remains are the same person, set from what forensic
// practice and the format's rules of evidence say; each u (the chance for two different people) is
// not set here but estimated from the files being linked, so rare features weigh more.

/** A tattoo known in life is still legible on the remains (skin is lost in decomposition). */
export const TATTOO_SEEN = 0.6;
/** …seen on the other side of the body (families confuse left and right). */
export const TATTOO_MIRRORED = 0.04;
/** …seen elsewhere on the body, or another motif read at the same place. */
export const TATTOO_ELSEWHERE = 0.015;
export const TATTOO_OTHER_MOTIF = 0.015;
export const TATTOO_NOT_SEEN = 1 - TATTOO_SEEN - TATTOO_MIRRORED - TATTOO_ELSEWHERE - TATTOO_OTHER_MOTIF;
/** A tattoo on the remains that the family did not list (when they listed others): they may not know. */
export const TATTOO_UNLISTED = 0.6;

/** A dental state recorded in life is charted the same after death. */
export const DENTAL_SAME = 0.9;
/** A restored tooth lost later, or restored again more extensively (explainable discrepancy). */
export const DENTAL_EXPLAINABLE = 0.05;
/** Restored again less extensively, or crown read as gold crown: unusual, not impossible. */
export const DENTAL_UNUSUAL = 0.01;

/** Clothing: a garment worn when last seen is found with the remains in its colour… */
export const GARMENT_SAME_COLOUR = 0.55;
/** …faded to a colour that dye becomes… */
export const GARMENT_FADED = 0.12;
/** …in an unrelated colour (misread, dirty)… */
export const GARMENT_OTHER_COLOUR = 0.03;
/** …or not found at all (clothing is found only in part). */
export const GARMENT_NOT_FOUND = 1 - GARMENT_SAME_COLOUR - GARMENT_FADED - GARMENT_OTHER_COLOUR;
/** The brand of a garment found is read the same when it is read at all. */
export const BRAND_SAME = 0.7;

/** A scar, fracture, surgery, prosthesis or finger anomaly known in life is found on the remains. */
export const FEATURE_FOUND = 0.8;
/**
 * A mark found on the remains (scar, old fracture, surgery, prosthesis, finger anomaly) that the
 * family did not list while listing others: families know most such marks but not all (on the
 * public sample 37 % of the true pairs' marks were missing from the report).
 */
export const FEATURE_UNLISTED = 0.4;
/** Hair colour named the same by family and examiner; a neighbouring shade; another colour. */
export const HAIR_SAME = 0.85;
export const HAIR_SIMILAR = 0.11;
export const HAIR_OTHER = 0.04;

/** Sex determined on remains agrees with the report (estimates can err a little: see exclusions). */
export const SEX_SAME = 0.99;

/** Stature ranges overlap; otherwise every cm apart divides the chance by STATURE_DECAY. */
export const STATURE_OVERLAP = 0.92;
export const STATURE_DECAY = 0.6;
/** Stature further than this outside the estimate (which already carries its error) excludes. */
export const STATURE_EXCLUDE_CM = 10;

/** Age at death inside the forensic estimate; each year outside divides by AGE_DECAY. */
export const AGE_INSIDE = 0.9;
export const AGE_DECAY = 0.5;
export const AGE_EXCLUDE_YEARS = 10;
/** Spread of ages among the missing (years), the chance of a random age falling in an estimate. */
export const AGE_SPREAD_YEARS = 50;

/**
 * Time from last seen to death: most migrants who die on the route die within weeks of their last
 * message (mean 45 days; on the public sample the death windows of true pairs centre 28 days after
 * the last sighting, none more than about six months), a few much later (5 %, mean a year).
 */
export function deathDelayCdf(days: number): number {
  if (days <= 0) return 0;
  return 1 - 0.95 * Math.exp(-days / 45) - 0.05 * Math.exp(-days / 365);
}

/** Distance bins (km) between last seen and recovery, and their chance for the same person. */
export const DISTANCE_BINS_KM = [50, 150, 300, 600, 1000, Infinity];
export const DISTANCE_SAME = [0.2, 0.25, 0.25, 0.2, 0.07, 0.03];
/** Remains recovered well south of where the person was last seen (they travel north). */
export const SOUTH_KM = 150;
export const SOUTH_SAME = 0.1;

/** A name found on the body (document, letter) belongs to the body. */
export const NAME_AGREES = 0.85;
export const NATIONALITY_AGREES = 0.9;
export const DOCUMENT_AGREES = 0.9;
/** The most any single agreement may count, in bits: a feature seen once could be a typo. */
export const MAX_BITS = 12;
