// A date typed as dd/mm/aaaa whatever the browser's locale (decision 0134): React Aria's DateField
// with the interface language's day-first locale, one segment per part, keyboard and screen-reader
// friendly. The value in and out is the API's YYYY-MM-DD ('' when empty or incomplete).
import { DateField, DateInput, DateSegment, I18nProvider, Label } from 'react-aria-components';
import { parseDate } from '@internationalized/date';
import type { CalendarDate } from '@internationalized/date';
import './date-field.css';

/** Day-first in both interface languages: staff in Mexico and Central America read dd/mm. */
const locales: Record<string, string> = { es: 'es-MX', en: 'en-GB' };

function toDate(value: string): CalendarDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

export interface DateFieldProps {
  id: string;
  label: string;
  language: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | null | undefined;
  required?: boolean | undefined;
  className?: string | undefined;
}

export function DateInputField({
  id,
  label,
  language,
  value,
  onChange,
  hint,
  error,
  required,
  className,
}: DateFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <I18nProvider locale={locales[language] ?? 'es-MX'}>
      <DateField
        className={['field', 'date-field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}
        value={toDate(value)}
        onChange={(date) => onChange(date ? date.toString() : '')}
        isInvalid={Boolean(error)}
        isRequired={required ?? false}
        aria-describedby={describedBy}
        shouldForceLeadingZeros
      >
        <Label className="field__label">{label}</Label>
        {hint ? (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        {/* The id an error summary links to: focusing it puts the caret in the day. */}
        <div
          id={id}
          tabIndex={-1}
          className="date-field__frame"
          aria-invalid={error ? true : undefined}
          onFocus={(event) => {
            if (event.target === event.currentTarget)
              event.currentTarget.querySelector<HTMLElement>('[role="spinbutton"]')?.focus();
          }}
        >
          <DateInput className="field__input date-field__input">
            {(segment) => <DateSegment segment={segment} className="date-field__segment" />}
          </DateInput>
        </div>
      </DateField>
    </I18nProvider>
  );
}
