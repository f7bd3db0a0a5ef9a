// Form controls with a fixed id, so that an error summary can link to the field that is wrong.
// Same markup and classes as the shared TextField: a real <label>, hint and error announced
// through aria-describedby, aria-invalid when the field has an error.
import type {
  InputHTMLAttributes,
  MouseEvent,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { DateInputField } from '../../../shared/components/date-field';
import { currentLanguage } from '../../../i18n/i18n';

interface Common {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  className?: string;
}

function describedBy(id: string, hint: string | undefined, error: string | null | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function FieldFrame({ id, label, hint, error, className, children }: Common & { children: ReactNode }) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
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
      {children}
    </div>
  );
}

type InputProps = Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { ref?: Ref<HTMLInputElement> };

export function InputField({ id, label, hint, error, className, ref, ...input }: InputProps) {
  // Dates are typed dd/mm/aaaa in a React Aria field, never the browser's own (decision 0134).
  if (input.type === 'date') {
    const { value, onChange, required } = input;
    return (
      <DateInputField
        id={id}
        label={label}
        hint={hint}
        error={error}
        className={className}
        required={required}
        language={currentLanguage()}
        value={typeof value === 'string' ? value : ''}
        onChange={(next) => onChange?.({ target: { value: next }, currentTarget: { value: next } } as never)}
      />
    );
  }
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        ref={ref}
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

type SelectProps = Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & { children: ReactNode };

export function SelectField({ id, label, hint, error, className, children, ...select }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

type TextAreaProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

export function TextAreaField({ id, label, hint, error, className, ...area }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        className="field__input field__input--area"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...area}
      />
    </FieldFrame>
  );
}

/** The id of a form control for an API field path: 'documents.0.number' → 'person-documents-0-number'. */
export function fieldId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export interface SummaryError {
  message: string;
  /** The id of the control to link to, when the error is about one field. */
  target?: string | undefined;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, target: string | undefined): void {
  const element = target ? document.getElementById(target) : null;
  if (!element) return;
  event.preventDefault(); // the URL keeps no fragment; the field gets focus (a jump would only scroll)
  element.focus();
}

/** The list of what is wrong at the top of a form; it takes focus after a failed submit. */
export function ErrorSummary({
  title,
  errors,
  ref,
}: {
  title: string;
  errors: SummaryError[];
  ref?: Ref<HTMLDivElement>;
}) {
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="alert alert--error error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary__title">{title}</h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.target ?? ''}${error.message}`}>
            {error.target ? (
              <a href={`#${error.target}`} onClick={(event) => focusField(event, error.target)}>
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
