// Small shared pieces: the confidentiality badge (words, not colour alone) and vocabulary
// options indented by their depth in the hierarchy.
import { useTranslation } from 'react-i18next';
import type { Term } from './incidents-api';

export function ConfidentialityBadge({ level }: { level: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${level}`}>{t(`incidents.confidentiality.${level as 'internal'}`)}</span>;
}

function depth(term: Term, terms: readonly Term[]): number {
  let d = 0;
  let parent = term.parent;
  while (parent && d < 6) {
    d += 1;
    parent = terms.find((x) => x.key === parent)?.parent ?? null;
  }
  return d;
}

/** Terms in tree order (each parent followed by its children), indented with non-breaking spaces. */
export function termOptions(terms: readonly Term[], language: 'es' | 'en') {
  const ordered: Term[] = [];
  const visit = (parent: string | null) => {
    for (const term of terms.filter((x) => x.parent === parent)) {
      ordered.push(term);
      visit(term.key);
    }
  };
  visit(null);
  return ordered.map((term) => (
    <option key={term.key} value={term.key}>
      {'\u00a0\u00a0'.repeat(depth(term, terms)) + term.label[language]}
    </option>
  ));
}

export function termLabel(terms: readonly Term[], key: string | null | undefined, language: 'es' | 'en'): string {
  if (!key) return '';
  return terms.find((x) => x.key === key)?.label[language] ?? key;
}
