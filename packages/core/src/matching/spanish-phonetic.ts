// A phonetic key for Spanish, Mayan-Spanish and Haitian (French/Creole) names as they are written
// in Latin American records. Soundex and Metaphone are built for English and split pairs that a
// Spanish speaker hears as the same name (Kevin/Kebin, Yesenia/Llesenia, Jiménez/Ximénez,
// Hernández/Ernandez). The rules below merge the letters that Latin American Spanish does not
// distinguish: b/v, s/z/c(e,i), ll/y/i, j/g(e,i)/x, silent h, qu/k/c(a,o,u), doubled letters.

const cache = new Map<string, string>();

function isFront(c: string | undefined): boolean {
  return c === 'e' || c === 'i' || c === 'y';
}

/** Phonetic key of one folded token (lower case ASCII letters). Equal keys sound alike. */
export function spanishPhonetic(token: string): string {
  const known = cache.get(token);
  if (known !== undefined) return known;
  const s = token;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const next = s[i + 1];
    switch (c) {
      case 'b':
      case 'v':
        out += 'b';
        break;
      case 'w':
        out += 'u';
        break;
      case 'z':
      case 's':
        out += 's';
        break;
      case 'c':
        if (next === 'h') {
          out += 'c'; // "ch" keeps its own sound: Chávez, Choc
          i++;
        } else if (isFront(next)) out += 's';
        else {
          out += 'k';
          if (next === 'k' || next === 'c') i++;
        }
        break;
      case 'q':
        out += 'k';
        if (next === 'u') i++;
        break;
      case 'k':
        out += 'k';
        break;
      case 'g':
        if (isFront(next)) out += 'j';
        else if (next === 'u' && isFront(s[i + 2])) {
          out += 'g'; // "gue", "gui": the u is silent
          i++;
        } else out += 'g';
        break;
      case 'j':
      case 'x':
        out += 'j';
        break;
      case 'h':
        break; // silent in Spanish; "ch"/"sh"/"ph" are handled by their first letter
      case 'p':
        if (next === 'h') {
          out += 'f';
          i++;
        } else out += 'p';
        break;
      case 't':
        if (next === 'h') i++; // Haitian/French "th" is a plain t
        out += 't';
        break;
      case 'l':
        if (next === 'l') {
          out += 'i'; // yeísmo: ll sounds like y
          i++;
        } else out += 'l';
        break;
      case 'y':
        out += 'i';
        break;
      case 'n':
        out += next === 'b' || next === 'p' || next === 'v' ? 'm' : 'n';
        break;
      case 'o':
        if (next === 'u') {
          out += 'u'; // French "ou" (Louis, Jean-Louis) is the Spanish u
          i++;
        } else out += 'o';
        break;
      default:
        out += c;
    }
  }
  // Collapse repeats produced by doubled letters or by merged sounds ("rr", "ss", "ii").
  let key = '';
  for (const ch of out) if (key[key.length - 1] !== ch) key += ch;
  if (cache.size > 500_000) cache.clear();
  cache.set(token, key);
  return key;
}

const skeletonCache = new Map<string, string>();

/**
 * Consonant skeleton of a folded token: its first letter, then its consonants with Spanish merges
 * (b/v, s/z/c, c/k/q, j/g/x, silent h) and repeats collapsed. Typing slips mostly touch vowels or
 * double a letter ("Hrerera", "Slois", "Aracelli"), and those leave the skeleton unchanged, so it
 * serves as a second, typo-tolerant blocking key next to the phonetic key.
 */
export function consonantSkeleton(token: string): string {
  const known = skeletonCache.get(token);
  if (known !== undefined) return known;
  let out = token[0] ?? '';
  for (let i = 1; i < token.length; i++) {
    const c = token[i] as string;
    const next = token[i + 1];
    let k: string;
    if ('aeiouyhw'.includes(c)) continue;
    if (c === 'v') k = 'b';
    else if (c === 'z') k = 's';
    else if (c === 'c') k = next === 'e' || next === 'i' ? 's' : 'k';
    else if (c === 'q') k = 'k';
    else if (c === 'x' || (c === 'g' && (next === 'e' || next === 'i'))) k = 'j';
    else k = c;
    if (out[out.length - 1] !== k) out += k;
  }
  if (skeletonCache.size > 500_000) skeletonCache.clear();
  skeletonCache.set(token, out);
  return out;
}
