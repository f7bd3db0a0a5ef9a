// Form parts of the ante-mortem and post-mortem entry screens (decision 0147): a select of a
// controlled vocabulary, a list of rows of the same fields, and a DNA sample's chain of custody.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTODY_EVENTS, type Label } from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';
import { InputField, SelectField } from '../people/form-fields';
import { optionsOf, useVocabulary } from './ampm-labels';
import type { Custody, Row } from './ampm-drafts';

export type Vocab = Readonly<Record<string, Label>>;
interface Column {
  key: string;
  label: string;
  vocab?: Vocab;
  type?: 'number' | 'date' | 'checkbox';
  hint?: string;
}

export function VocabSelect({
  id,
  label,
  vocab,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  label: string;
  vocab: Vocab;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const { t } = useTranslation();
  const { lang } = useVocabulary();
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={hint}
    >
      <option value="">{t('ampm.notSaid')}</option>
      {optionsOf(vocab, lang).map((o) => (
        <option key={o.code} value={o.code}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

/** A list of rows of the same fields (fractures, surgeries, clothing…), added and removed by buttons. */
export function RowList({
  idPrefix,
  title,
  rows,
  onChange,
  columns,
  addLabel,
  describe,
  children,
}: {
  idPrefix: string;
  title: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  columns: Column[];
  addLabel: string;
  describe: (row: Row, i: number) => string;
  children?: (row: Row, i: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const set = (i: number, key: string, v: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  return (
    <div className="ampm-list">
      <h4 className="ampm-list__title">{title}</h4>
      {rows.map((row, i) => (
        <div key={i} className="repeat-row">
          <div className="field-row">
            {columns.map((c) => {
              const id = `${idPrefix}-${i}-${c.key}`;
              if (c.vocab)
                return (
                  <VocabSelect
                    key={c.key}
                    id={id}
                    label={c.label}
                    vocab={c.vocab}
                    value={row[c.key] ?? ''}
                    onChange={(v) => set(i, c.key, v)}
                    hint={c.hint}
                  />
                );
              if (c.type === 'checkbox')
                return (
                  <label key={c.key} className="checkbox">
                    <input
                      type="checkbox"
                      checked={row[c.key] === 'yes'}
                      onChange={(e) => set(i, c.key, e.target.checked ? 'yes' : '')}
                    />{' '}
                    {c.label}
                  </label>
                );
              return (
                <InputField
                  key={c.key}
                  id={id}
                  label={c.label}
                  hint={c.hint}
                  type={c.type === 'date' ? 'date' : c.type === 'number' ? 'number' : 'text'}
                  value={row[c.key] ?? ''}
                  onChange={(e) => set(i, c.key, e.target.value)}
                />
              );
            })}
          </div>
          {children?.(row, i)}
          <p>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('ampm.remove')}
              <span className="visually-hidden">: {describe(row, i)}</span>
            </button>
          </p>
        </div>
      ))}
      <p>
        <button type="button" className="button button--small" onClick={() => onChange([...rows, {}])}>
          {addLabel}
        </button>
      </p>
    </div>
  );
}

/** The steps a DNA sample went through: who handed it to whom, when. */
export function CustodyChain({
  idPrefix,
  chain,
  onChange,
}: {
  idPrefix: string;
  chain: Custody[];
  onChange: (chain: Custody[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Custody>) => onChange(chain.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div className="ampm-custody">
      <p className="ampm-custody__title">{t('ampm.dna.custody')}</p>
      {chain.map((c, i) => (
        <div key={i} className="field-row">
          <VocabSelect
            id={`${idPrefix}-custody-${i}-event`}
            label={t('ampm.dna.event')}
            vocab={CUSTODY_EVENTS}
            value={c.event}
            onChange={(v) => set(i, { event: v })}
          />
          <InputField
            id={`${idPrefix}-custody-${i}-on`}
            label={t('ampm.dna.eventOn')}
            type="date"
            value={c.on}
            onChange={(e) => set(i, { on: e.target.value })}
          />
          <InputField
            id={`${idPrefix}-custody-${i}-by`}
            label={t('ampm.dna.by')}
            value={c.by}
            onChange={(e) => set(i, { by: e.target.value })}
          />
          <InputField
            id={`${idPrefix}-custody-${i}-to`}
            label={t('ampm.dna.to')}
            value={c.to}
            onChange={(e) => set(i, { to: e.target.value })}
          />
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange([...chain, { event: 'collected', on: '', by: '', to: '' }])}
        >
          {t('ampm.dna.addStep')}
        </button>
      </p>
    </div>
  );
}
