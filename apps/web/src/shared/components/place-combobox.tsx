// A place chosen by name from the catalogue the server ships (GET /api/places): Mexican
// municipalities and states (INEGI) and Central American departments (ISO 3166-2). The record
// keeps the codes; the person sees and types "Huixtla, Chiapas". Any screen that records a place
// can use it: give it the codes it has and take the codes it returns.
import { useCallback } from 'react';
import { SearchCombobox } from './search-combobox';
import type { SearchOption } from './search-combobox';

export interface PlaceValue {
  country: string;
  /** INEGI state code ("07") in Mexico; ISO 3166-2 code ("GT-16") elsewhere. */
  stateCode: string;
  /** INEGI municipality code ("07040"); null for a state or department. */
  municipalityCode: string | null;
}

export interface PlaceOption extends SearchOption, PlaceValue {}

interface CatalogueItem {
  id: string;
  country: string;
  level: 'state' | 'municipality';
  stateCode: string;
  municipalityCode: string | null;
  name: string;
  nameEn: string;
  stateName: string;
  stateNameEn: string;
}

function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language === 'en' ? 'en' : 'es'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The option for a catalogue entry, in the interface language. */
export function placeOption(item: CatalogueItem, language: string): PlaceOption {
  const en = language === 'en';
  const name = en ? item.nameEn : item.name;
  const state = en ? item.stateNameEn : item.stateName;
  return {
    id: item.id,
    label: item.level === 'municipality' ? `${name}, ${state}` : name,
    detail: countryName(item.country, language),
    country: item.country,
    stateCode: item.stateCode,
    municipalityCode: item.municipalityCode,
  };
}

/** The option for a recorded place whose name is already known (an edit form loading). */
export function recordedPlace(place: PlaceValue & { label: string }): PlaceOption {
  const id = place.municipalityCode
    ? `${place.country}-${place.municipalityCode}`
    : place.country === 'MX'
      ? `MX-${place.stateCode}`
      : place.stateCode;
  return { ...place, id };
}

export interface PlaceComboboxProps {
  label: string;
  language: string;
  value: PlaceOption | null;
  onChange: (place: PlaceOption | null) => void;
  hint?: string | undefined;
  error?: string | null | undefined;
  emptyText: string;
  loadingText: string;
  /** Only these countries (ISO codes); all of the catalogue when absent. */
  countries?: readonly string[] | undefined;
  id?: string | undefined;
}

export function PlaceCombobox({
  label,
  language,
  value,
  onChange,
  hint,
  error,
  emptyText,
  loadingText,
  countries,
  id,
}: PlaceComboboxProps) {
  const countryList = countries?.join(',');
  const search = useCallback(
    async (text: string, signal: AbortSignal) => {
      const params = new URLSearchParams({ q: text, limit: '20' });
      if (countryList) params.set('country', countryList);
      const response = await fetch(`/api/places?${params.toString()}`, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Accept-Language': language },
        signal,
      });
      if (!response.ok) return [];
      const body = (await response.json()) as { items: CatalogueItem[] };
      return body.items.map((item) => placeOption(item, language));
    },
    [countryList, language],
  );
  return (
    <SearchCombobox<PlaceOption>
      id={id}
      label={label}
      hint={hint}
      error={error}
      search={search}
      value={value}
      onChange={onChange}
      emptyText={emptyText}
      loadingText={loadingText}
    />
  );
}
