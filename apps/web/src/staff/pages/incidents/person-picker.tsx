// A registered person chosen by name (the people search the account may use: only those it may
// see come back). Each option says what tells two namesakes apart: birth year and nationality.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchCombobox } from '../../../shared/components/search-combobox';
import type { SearchOption } from '../../../shared/components/search-combobox';
import { apiRequest } from '../../api/client';
import { currentLanguage } from '../../../i18n/i18n';

export interface PersonOption extends SearchOption {
  personId: string;
}

interface Found {
  id: string;
  givenNames: string;
  surnames: string;
  birthYear?: number;
  nationality?: string;
}

function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function PersonPicker({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  value: PersonOption | null;
  onChange: (person: PersonOption | null) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const search = useCallback(
    async (text: string, signal: AbortSignal): Promise<PersonOption[]> => {
      const found = await apiRequest<{ items: Found[] }>(
        'GET',
        `/api/people?${new URLSearchParams({ q: text, limit: '10' }).toString()}`,
        { signal },
      );
      return found.items.map((p) => ({
        id: p.id,
        personId: p.id,
        label: `${p.givenNames} ${p.surnames}`.trim(),
        detail:
          [
            p.birthYear ? t('incidents.victims.bornIn', { year: p.birthYear }) : null,
            p.nationality ? countryName(p.nationality, language) : null,
          ]
            .filter(Boolean)
            .join(' · ') || undefined,
      }));
    },
    [language, t],
  );
  return (
    <SearchCombobox<PersonOption>
      id={id}
      label={label}
      hint={hint}
      error={error}
      search={search}
      value={value}
      onChange={onChange}
      emptyText={t('incidents.victims.nobodyFound')}
      loadingText={t('incidents.form.searching')}
    />
  );
}
