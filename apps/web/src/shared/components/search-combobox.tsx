// A picker that searches as one types (UI.md: people, services, places and laws are chosen by
// searching names, never by typing an identifier). React Aria's ComboBox: a labelled input with
// a list box popover, arrow keys and Enter to choose, announced to screen readers. Options come
// from `search` (usually the server), asked again after a short pause in typing; an answer that
// arrives after a newer question is dropped.
import { useEffect, useRef, useState } from 'react';
import type { Key } from 'react-aria-components';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import './search-combobox.css';

export interface SearchOption {
  id: string;
  /** What the input shows once chosen, and what screen readers read. */
  label: string;
  /** A second line that tells two similar options apart ("Chiapas", "nacida en 1999"). */
  detail?: string | undefined;
}

export interface SearchComboboxProps<T extends SearchOption> {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  /** Options for what was typed; called after a pause, with a signal to cancel a stale question. */
  search: (text: string, signal: AbortSignal) => Promise<T[]>;
  /** The chosen option (null when none). */
  value: T | null;
  onChange: (option: T | null) => void;
  /** Shown in the list when the search found nothing. */
  emptyText: string;
  /** Shown in the list while the first answer is on its way. */
  loadingText: string;
  /** Shown under the input while fewer than `minLength` characters are typed. */
  minLength?: number;
  placeholder?: string | undefined;
  id?: string | undefined;
  required?: boolean | undefined;
  className?: string | undefined;
}

export function SearchCombobox<T extends SearchOption>({
  label,
  hint,
  error,
  search,
  value,
  onChange,
  emptyText,
  loadingText,
  minLength = 2,
  placeholder,
  id,
  required,
  className,
}: SearchComboboxProps<T>) {
  const [text, setText] = useState(value?.label ?? '');
  const [items, setItems] = useState<T[]>(value ? [value] : []);
  const [searched, setSearched] = useState(false);
  const latest = useRef<AbortController | null>(null);

  // A value set from outside (a reset after saving, an edit form loading) shows its label.
  useEffect(() => {
    setText(value?.label ?? '');
    if (value) setItems((current) => (current.some((i) => i.id === value.id) ? current : [value, ...current]));
  }, [value]);

  useEffect(() => {
    if (value && text === value.label) return;
    latest.current?.abort();
    setSearched(false);
    if (text.trim().length < minLength) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    latest.current = controller;
    const timer = setTimeout(() => {
      search(text.trim(), controller.signal).then(
        (found) => {
          if (controller.signal.aborted) return;
          setItems(found);
          setSearched(true);
        },
        () => undefined,
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, minLength, search, value]);

  const choose = (key: Key | null) => {
    const option = items.find((i) => i.id === key) ?? null;
    onChange(option);
    if (option) setText(option.label);
  };

  return (
    <ComboBox
      className={['field', 'search-combobox', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}
      items={items}
      inputValue={text}
      onInputChange={(next) => {
        setText(next);
        if (value && next !== value.label) onChange(null);
      }}
      selectedKey={value?.id ?? null}
      onSelectionChange={choose}
      menuTrigger="input"
      // Open as soon as enough is typed: the list says "searching" until the answer comes (the
      // combobox opens on typing only, so it must not wait for the options to arrive).
      allowsEmptyCollection={text.trim().length >= minLength}
      isInvalid={Boolean(error)}
      isRequired={required ?? false}
      allowsCustomValue
    >
      <Label className="field__label">{label}</Label>
      {hint ? (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className="field__error">
          {error}
        </Text>
      ) : null}
      <Input id={id} className="field__input" placeholder={placeholder} />
      <Popover className="search-combobox__popover" placement="bottom start" offset={4}>
        <ListBox<T>
          className="search-combobox__list"
          renderEmptyState={() => <p className="search-combobox__empty">{searched ? emptyText : loadingText}</p>}
        >
          {(item) => (
            <ListBoxItem id={item.id} textValue={item.label} className="search-combobox__option">
              <span className="search-combobox__label">{item.label}</span>
              {item.detail ? <span className="search-combobox__detail">{item.detail}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
