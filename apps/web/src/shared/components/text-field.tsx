// A labelled input with an optional hint and error, wired for screen readers: the label is a real
// <label>, and hint and error are announced through aria-describedby.
import { useId } from 'react';
import type { InputHTMLAttributes, Ref } from 'react';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  hint?: string;
  /** Error text for this field; marks the input invalid when present. */
  error?: string | null;
  /** Marks the input invalid without its own text (the message is shown elsewhere, e.g. a form alert). */
  invalid?: boolean;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({ label, hint, error, invalid, className, ref, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const isInvalid = Boolean(error) || Boolean(invalid);
  return (
    <div className={['field', isInvalid ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        className="field__input"
        aria-invalid={isInvalid || undefined}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}
