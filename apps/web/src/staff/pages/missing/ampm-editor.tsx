// The entry screens of the ante-mortem data (what a family tells, on the report) and of the
// post-mortem examination (what the forensic service finds, on the remains record), decision 0147.
// The same parts in both: profile, body map for tattoos and marks, old fractures, surgery and
// prostheses, the dental chart, clothing and belongings, DNA samples with their chain of custody;
// the family's side adds health and who holds records, the examination adds its estimates with
// their method, the death window, the condition and where the body is now. Every list is a
// controlled vocabulary with Spanish and English words from core.
import './ampm.css';
import { useTranslation } from 'react-i18next';
import {
  AGE_METHODS,
  BODY_CONDITIONS,
  BODY_WHEREABOUTS,
  BONES,
  BUILDS,
  COLOURS,
  DONOR_RELATIONSHIPS,
  EYE_COLOURS,
  GARMENTS,
  HAIR_COLOURS,
  INTERVAL_METHODS,
  PROSTHESES,
  RECORD_HOLDER_KINDS,
  REMAINS_SAMPLE_TISSUES,
  SEX_ESTIMATES,
  SEX_METHODS,
  STATURE_MAX_CM,
  STATURE_METHODS,
  STATURE_MIN_CM,
  SURGERIES,
} from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';
import { InputField, TextAreaField } from '../people/form-fields';
import { useVocabulary } from './ampm-labels';
import type { AmPmDraft, SampleRow } from './ampm-drafts';
import { CustodyChain, RowList, VocabSelect, type Vocab } from './ampm-fields';
import { BodyMapEditor } from './body-map';
import { DentalChart } from './dental-chart';

export function AmPmEditor({
  mode,
  idPrefix,
  draft,
  onChange,
  errorFor,
}: {
  mode: 'am' | 'pm';
  idPrefix: string;
  draft: AmPmDraft;
  onChange: (d: AmPmDraft) => void;
  /** The server's message for a field of the section ('statureMinCm', 'deathWindow.to'…). */
  errorFor: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const pm = mode === 'pm';
  const v = draft.values;
  const patch = (p: Partial<AmPmDraft>) => onChange({ ...draft, ...p });
  const setValue = (key: string, value: string) => patch({ values: { ...v, [key]: value } });
  const id = (key: string) => `${idPrefix}-${key.replace(/\./g, '-')}`;
  const input = (key: string, text: string, props: Partial<Parameters<typeof InputField>[0]> = {}) => (
    <InputField
      id={id(key)}
      label={text}
      value={v[key] ?? ''}
      onChange={(e) => setValue(key, e.target.value)}
      error={errorFor(key)}
      {...props}
    />
  );
  const select = (key: string, text: string, vocab: Vocab) => (
    <VocabSelect
      id={id(key)}
      label={text}
      vocab={vocab}
      value={v[key] ?? ''}
      onChange={(x) => setValue(key, x)}
      error={errorFor(key)}
    />
  );
  const area = (key: string, text: string, hint?: string) => (
    <TextAreaField
      id={id(key)}
      label={text}
      hint={hint}
      rows={2}
      value={v[key] ?? ''}
      onChange={(e) => setValue(key, e.target.value)}
      error={errorFor(key)}
    />
  );
  const stature = { type: 'number', min: STATURE_MIN_CM, max: STATURE_MAX_CM, inputMode: 'numeric' } as const;

  return (
    <div className="ampm-editor">
      <section className="ampm-editor__part" aria-labelledby={id('profile-title')}>
        <h3 id={id('profile-title')}>{t(pm ? 'ampm.section.examination' : 'ampm.section.profile')}</h3>
        {pm ? (
          <>
            <div className="field-row">
              {input('examinedOn', t('ampm.pm.examinedOn'), { type: 'date' })}
              {input('examiner', t('ampm.pm.examiner'))}
            </div>
            <div className="field-row">
              {select('sexEstimate.sex', t('ampm.pm.sex'), SEX_ESTIMATES)}
              {select('sexEstimate.method', t('ampm.pm.sexMethod'), SEX_METHODS)}
            </div>
            <div className="field-row">
              {input('ageEstimate.min', t('ampm.pm.ageMin'), { type: 'number', min: 0, max: 120 })}
              {input('ageEstimate.max', t('ampm.pm.ageMax'), { type: 'number', min: 0, max: 120 })}
              {select('ageEstimate.method', t('ampm.pm.ageMethod'), AGE_METHODS)}
            </div>
            <div className="field-row">
              {input('stature.minCm', t('ampm.pm.statureMin'), stature)}
              {input('stature.maxCm', t('ampm.pm.statureMax'), stature)}
              {select('stature.method', t('ampm.pm.statureMethod'), STATURE_METHODS)}
            </div>
            <p className="muted">{t('ampm.pm.intervalHint')}</p>
            <div className="field-row">
              {input('deathWindow.from', t('ampm.pm.deathFrom'), { type: 'date' })}
              {input('deathWindow.to', t('ampm.pm.deathTo'), { type: 'date' })}
              {select('deathWindow.method', t('ampm.pm.deathMethod'), INTERVAL_METHODS)}
            </div>
            <div className="field-row">{select('condition', t('ampm.pm.condition'), BODY_CONDITIONS)}</div>
            {area('conditionNotes', t('ampm.pm.conditionNotes'))}
            <div className="field-row">
              {select('hairColour', t('ampm.hairColour'), HAIR_COLOURS)}
              {select('eyeColour', t('ampm.eyeColour'), EYE_COLOURS)}
            </div>
          </>
        ) : (
          <>
            <p className="muted">{t('ampm.am.statureHint')}</p>
            <div className="field-row">
              {input('statureMinCm', t('ampm.am.statureMin'), stature)}
              {input('statureMaxCm', t('ampm.am.statureMax'), stature)}
              {select('build', t('ampm.am.build'), BUILDS)}
            </div>
            <div className="field-row">
              {select('hairColour', t('ampm.hairColour'), HAIR_COLOURS)}
              {input('hairNotes', t('ampm.am.hairNotes'))}
              {select('eyeColour', t('ampm.eyeColour'), EYE_COLOURS)}
            </div>
          </>
        )}
      </section>

      <section className="ampm-editor__part" aria-labelledby={id('body-title')}>
        <h3 id={id('body-title')}>{t('ampm.section.body')}</h3>
        <BodyMapEditor
          idPrefix={idPrefix}
          tattoos={draft.tattoos}
          marks={draft.marks}
          onChange={(tattoos, marks) => patch({ tattoos, marks })}
          intro={<p className="muted">{t(pm ? 'ampm.body.introPm' : 'ampm.body.introAm')}</p>}
        />
        <RowList
          idPrefix={`${idPrefix}-fracture`}
          title={t('ampm.fractures.title')}
          rows={draft.fractures}
          onChange={(fractures) => patch({ fractures })}
          columns={[
            { key: 'bone', label: t('ampm.fractures.bone'), vocab: BONES },
            { key: 'description', label: t('ampm.detail') },
          ]}
          addLabel={t('ampm.fractures.add')}
          describe={(r) => label(BONES, r.bone)}
        />
        <RowList
          idPrefix={`${idPrefix}-surgery`}
          title={t('ampm.surgeries.title')}
          rows={draft.surgeries}
          onChange={(surgeries) => patch({ surgeries })}
          columns={[
            { key: 'procedure', label: t('ampm.surgeries.procedure'), vocab: SURGERIES },
            ...(pm ? [] : [{ key: 'year', label: t('ampm.surgeries.year'), type: 'number' as const }]),
            { key: 'description', label: t('ampm.detail') },
          ]}
          addLabel={t('ampm.surgeries.add')}
          describe={(r) => label(SURGERIES, r.procedure)}
        />
        <RowList
          idPrefix={`${idPrefix}-prosthesis`}
          title={t('ampm.prostheses.title')}
          rows={draft.prostheses}
          onChange={(prostheses) => patch({ prostheses })}
          columns={[
            { key: 'kind', label: t('ampm.prostheses.kind'), vocab: PROSTHESES },
            { key: 'serialNumber', label: t('ampm.prostheses.serial') },
            { key: 'description', label: t('ampm.detail') },
          ]}
          addLabel={t('ampm.prostheses.add')}
          describe={(r) => label(PROSTHESES, r.kind)}
        />
      </section>

      <section className="ampm-editor__part" aria-labelledby={id('dental-title')}>
        <h3 id={id('dental-title')}>{t('ampm.section.dental')}</h3>
        {pm ? (
          <label className="checkbox">
            <input type="checkbox" checked={draft.charted} onChange={(e) => patch({ charted: e.target.checked })} />{' '}
            {t('ampm.dental.charted')}
          </label>
        ) : null}
        {!pm || draft.charted ? (
          <DentalChart
            idPrefix={idPrefix}
            title={t(pm ? 'ampm.dental.titlePm' : 'ampm.dental.titleAm')}
            mode={mode}
            value={draft.chart}
            onChange={(tooth, state) => patch({ chart: { ...draft.chart, [tooth]: state } })}
          />
        ) : (
          <p className="muted">{t('ampm.dental.notCharted')}</p>
        )}
        {errorFor('dental') ? <p className="field__error">{errorFor('dental')}</p> : null}
        {area('dentalNotes', t('ampm.dental.notes'), t(pm ? 'ampm.dental.notesHintPm' : 'ampm.dental.notesHintAm'))}
      </section>

      <section className="ampm-editor__part" aria-labelledby={id('clothing-title')}>
        <h3 id={id('clothing-title')}>{t(pm ? 'ampm.section.clothingPm' : 'ampm.section.clothingAm')}</h3>
        <RowList
          idPrefix={`${idPrefix}-garment`}
          title={t('ampm.clothing.title')}
          rows={draft.clothing}
          onChange={(clothing) => patch({ clothing })}
          columns={[
            { key: 'garment', label: t('ampm.clothing.garment'), vocab: GARMENTS },
            { key: 'colour', label: t('ampm.clothing.colour'), vocab: COLOURS },
            { key: 'brand', label: t('ampm.clothing.brand'), hint: t('ampm.clothing.brandHint') },
          ]}
          addLabel={t('ampm.clothing.add')}
          describe={(r) => `${label(GARMENTS, r.garment)} ${label(COLOURS, r.colour)}`}
        />
        {area('belongings', t('ampm.belongings'))}
      </section>

      {pm ? (
        <section className="ampm-editor__part" aria-labelledby={id('where-title')}>
          <h3 id={id('where-title')}>{t('ampm.section.whereabouts')}</h3>
          <div className="field-row">
            {select('whereabouts.status', t('ampm.pm.whereStatus'), BODY_WHEREABOUTS)}
            {input('whereabouts.place', t('ampm.pm.wherePlace'))}
            {input('whereabouts.since', t('ampm.pm.whereSince'), { type: 'date' })}
          </div>
          {input('whereabouts.grave', t('ampm.pm.whereGrave'), { hint: t('ampm.pm.whereGraveHint') })}
          {v['whereabouts.status'] === 'released' ? input('whereabouts.releasedTo', t('ampm.pm.releasedTo')) : null}
        </section>
      ) : (
        <section className="ampm-editor__part" aria-labelledby={id('health-title')}>
          <h3 id={id('health-title')}>{t('ampm.section.health')}</h3>
          {area('medicalConditions', t('ampm.am.medical'))}
          <RowList
            idPrefix={`${idPrefix}-holder`}
            title={t('ampm.holders.title')}
            rows={draft.recordHolders}
            onChange={(recordHolders) => patch({ recordHolders })}
            columns={[
              { key: 'kind', label: t('ampm.holders.kind'), vocab: RECORD_HOLDER_KINDS },
              { key: 'name', label: t('ampm.holders.name') },
              { key: 'place', label: t('ampm.holders.place') },
              { key: 'contact', label: t('ampm.holders.contact') },
            ]}
            addLabel={t('ampm.holders.add')}
            describe={(r) => r.name ?? ''}
          />
        </section>
      )}

      <section className="ampm-editor__part" aria-labelledby={id('dna-title')}>
        <h3 id={id('dna-title')}>{t(pm ? 'ampm.section.dnaPm' : 'ampm.section.dnaAm')}</h3>
        <p className="muted">{t('ampm.dna.never')}</p>
        <RowList
          idPrefix={`${idPrefix}-sample`}
          title={t(pm ? 'ampm.dna.samplesPm' : 'ampm.dna.samplesAm')}
          rows={draft.samples}
          onChange={(samples) => patch({ samples: samples as SampleRow[] })}
          columns={[
            ...(pm
              ? [
                  { key: 'tissue', label: t('ampm.dna.tissue'), vocab: REMAINS_SAMPLE_TISSUES },
                  { key: 'takenOn', label: t('ampm.dna.takenOn'), type: 'date' as const },
                ]
              : [
                  { key: 'donorName', label: t('ampm.dna.donor') },
                  { key: 'relationship', label: t('ampm.dna.relationship'), vocab: DONOR_RELATIONSHIPS },
                  { key: 'collectedOn', label: t('ampm.dna.takenOn'), type: 'date' as const },
                  { key: 'consentSigned', label: t('ampm.dna.consent'), type: 'checkbox' as const },
                ]),
            { key: 'laboratory', label: t('ampm.dna.laboratory') },
            { key: 'kit', label: t('ampm.dna.kit') },
            { key: 'sampleCode', label: t('ampm.dna.sampleCode') },
          ]}
          addLabel={t('ampm.dna.add')}
          describe={(r) => r.sampleCode || r.donorName || r.laboratory || ''}
        >
          {(row, i) => (
            <CustodyChain
              idPrefix={`${idPrefix}-sample-${i}`}
              chain={(row as SampleRow).custody ?? []}
              onChange={(custody) =>
                patch({ samples: draft.samples.map((s, j) => (j === i ? { ...s, custody } : s)) as SampleRow[] })
              }
            />
          )}
        </RowList>
      </section>
    </div>
  );
}
