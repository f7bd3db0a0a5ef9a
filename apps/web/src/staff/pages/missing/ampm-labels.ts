// Labels of the ante-mortem / post-mortem vocabularies in the reader's language. The words come from
// core (packages/core/src/missing/ampm-vocabulary.ts: one source of truth, shared with the engine
// and the server); this file only picks the language.
import { useTranslation } from 'react-i18next';
import { labelIn, type Label } from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';

export type Lang = 'es' | 'en';

/** The reader's language and a labeller of vocabulary codes in it. */
export function useVocabulary() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'es';
  const label = (vocab: Readonly<Record<string, Label>>, code: string | undefined | null) =>
    code ? labelIn(vocab, code, lang) : '';
  return { lang, label };
}

/** A label standing alone (an option, a region's name) begins with a capital; in a sentence it does not. */
export const capital = (s: string): string => (s ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s);

/** Options of a select: every code of a vocabulary with its label, in the vocabulary's order. */
export function optionsOf(vocab: Readonly<Record<string, Label>>, lang: Lang): { code: string; label: string }[] {
  return Object.entries(vocab).map(([code, l]) => ({ code, label: capital(l[lang]) }));
}
