// The filter form above a list (people, cases, incidents): a search landmark whose fields are
// mostly selects that start with "any", and one submit button.
import type { FormEvent, ReactNode } from 'react';
import { SelectField } from '../pages/people/form-fields';

interface FilterFormProps {
  label: string;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}

export function FilterForm({ label, submitLabel, onSubmit, children }: FilterFormProps) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form className="search-form" role="search" aria-label={label} onSubmit={submit}>
      {children}
      <div className="search-form__submit">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  id: string;
  label: string;
  hint?: string;
  anyLabel: string;
  value: string | undefined;
  /** The chosen value; '' when "any" is chosen. */
  onChange: (value: string) => void;
  options?: readonly FilterOption[];
  /** Options drawn by the page (a tree of terms), after `options`. */
  children?: ReactNode;
}

export function FilterSelect({
  id,
  label,
  hint,
  anyLabel,
  value,
  onChange,
  options = [],
  children,
}: FilterSelectProps) {
  return (
    <SelectField id={id} label={label} hint={hint} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      <option value="">{anyLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {children}
    </SelectField>
  );
}
