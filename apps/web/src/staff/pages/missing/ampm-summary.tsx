// A record's ante-mortem data or post-mortem examination to read (decision 0147): the facts in
// words, the dental chart, the body map with its list, and the DNA samples with their chain of
// custody (and, for remains, the laboratory's results). Codes never reach the screen.
import './ampm.css';
import { useTranslation } from 'react-i18next';
import {
  AGE_METHODS,
  BODY_CONDITIONS,
  BODY_REGIONS,
  BODY_WHEREABOUTS,
  BONES,
  BUILDS,
  COLOURS,
  CUSTODY_EVENTS,
  DNA_RESULTS,
  DONOR_RELATIONSHIPS,
  EYE_COLOURS,
  GARMENTS,
  HAIR_COLOURS,
  INTERVAL_METHODS,
  MARK_KINDS,
  PROSTHESES,
  RECORD_HOLDER_KINDS,
  REMAINS_SAMPLE_TISSUES,
  SEX_ESTIMATES,
  SEX_METHODS,
  STATURE_METHODS,
  SURGERIES,
  TATTOO_MOTIFS,
  VIEWS,
} from '../../../../../../packages/core/src/missing/ampm-vocabulary.ts';
import type { AnteMortem, PostMortemStored } from '../../../../../../packages/core/src/missing/ampm.schemas.ts';
import { formatDate } from '../../../shared/components/format-date';
import { capital, useVocabulary } from './ampm-labels';
import { BodyFigure } from './body-map';
import { DentalChartView } from './dental-chart-view';

type Custody = { event: string; on: string; by?: string | undefined; to?: string | undefined };

export function AmPmSummary({ mode, data }: { mode: 'am' | 'pm'; data: AnteMortem | PostMortemStored }) {
  const { t, i18n } = useTranslation();
  const { label } = useVocabulary();
  const pm = mode === 'pm' ? (data as PostMortemStored) : null;
  const am = mode === 'am' ? (data as AnteMortem) : null;
  const day = (d: string | undefined) =>
    d ? formatDate(new Date(`${d}T12:00:00Z`), i18n.language, { dateStyle: 'long', timeZone: 'UTC' }) : undefined;
  const range = (a: number | undefined, b: number | undefined, unit: string) =>
    a !== undefined || b !== undefined ? `${a ?? '?'}–${b ?? '?'} ${unit}` : undefined;
  const withMethod = (value: string | undefined, method: string | undefined, vocab: Parameters<typeof label>[0]) =>
    value ? (method ? `${value} (${t('ampm.summary.method', { method: label(vocab, method) })})` : value) : undefined;
  const facts: [string, string | undefined][] = pm
    ? [
        [t('ampm.pm.examinedOn'), [day(pm.examinedOn), pm.examiner].filter(Boolean).join(' · ') || undefined],
        [t('ampm.pm.sex'), withMethod(label(SEX_ESTIMATES, pm.sexEstimate?.sex), pm.sexEstimate?.method, SEX_METHODS)],
        [
          t('ampm.summary.age'),
          withMethod(
            range(pm.ageEstimate?.min, pm.ageEstimate?.max, t('ampm.summary.years')),
            pm.ageEstimate?.method,
            AGE_METHODS,
          ),
        ],
        [
          t('ampm.summary.stature'),
          withMethod(range(pm.stature?.minCm, pm.stature?.maxCm, 'cm'), pm.stature?.method, STATURE_METHODS),
        ],
        [
          t('ampm.summary.deathWindow'),
          withMethod(
            pm.deathWindow
              ? t('ampm.summary.between', { from: day(pm.deathWindow.from), to: day(pm.deathWindow.to) })
              : undefined,
            pm.deathWindow?.method,
            INTERVAL_METHODS,
          ),
        ],
        [
          t('ampm.pm.condition'),
          [label(BODY_CONDITIONS, pm.condition), pm.conditionNotes].filter(Boolean).join('. ') || undefined,
        ],
        [t('ampm.hairColour'), label(HAIR_COLOURS, pm.hairColour) || undefined],
        [t('ampm.eyeColour'), label(EYE_COLOURS, pm.eyeColour) || undefined],
        [
          t('ampm.section.whereabouts'),
          pm.whereabouts
            ? [
                label(BODY_WHEREABOUTS, pm.whereabouts.status),
                pm.whereabouts.place,
                pm.whereabouts.grave,
                pm.whereabouts.releasedTo,
                day(pm.whereabouts.since),
              ]
                .filter(Boolean)
                .join(' · ')
            : undefined,
        ],
      ]
    : [
        [t('ampm.summary.stature'), range(am?.statureMinCm, am?.statureMaxCm, 'cm')],
        [t('ampm.am.build'), label(BUILDS, am?.build) || undefined],
        [
          t('ampm.hairColour'),
          [label(HAIR_COLOURS, am?.hairColour), am?.hairNotes].filter(Boolean).join(', ') || undefined,
        ],
        [t('ampm.eyeColour'), label(EYE_COLOURS, am?.eyeColour) || undefined],
        [t('ampm.am.medical'), am?.medicalConditions],
      ];
  const onView = (v: 'front' | 'back') => {
    const counts: Record<string, number> = {};
    const on = (x: string | undefined) => !x || x === v;
    for (const r of [
      ...(data.tattoos ?? []).filter((y) => on(y.view)).map((y) => y.location),
      ...(data.marks ?? []).filter((y) => on(y.view)).map((y) => y.region),
    ])
      counts[r] = (counts[r] ?? 0) + 1;
    return { counts, states: Object.fromEntries(Object.keys(counts).map((r) => [r, 'has' as const])) };
  };
  const side = (v: string | undefined) => (v ? ` (${label(VIEWS, v)})` : '');
  const body = [
    ...(data.tattoos ?? []).map((x) =>
      [
        t('ampm.body.tattooItem', {
          motif: label(TATTOO_MOTIFS, x.motif),
          where: `${label(BODY_REGIONS, x.location)}${side(x.view)}`,
        }),
        x.description,
      ]
        .filter(Boolean)
        .join(' — '),
    ),
    ...(data.marks ?? []).map((x) =>
      [
        t('ampm.body.markItem', {
          kind: label(MARK_KINDS, x.kind),
          where: `${label(BODY_REGIONS, x.region)}${side(x.view)}`,
        }),
        x.description,
      ]
        .filter(Boolean)
        .join(' — '),
    ),
    ...(data.fractures ?? []).map((x) =>
      [`${t('ampm.fractures.one')}: ${label(BONES, x.bone)}`, x.description].filter(Boolean).join(' — '),
    ),
    ...(data.surgeries ?? []).map((x) =>
      [
        `${t('ampm.surgeries.one')}: ${label(SURGERIES, x.procedure)}`,
        'year' in x && x.year ? String(x.year) : '',
        x.description,
      ]
        .filter(Boolean)
        .join(' — '),
    ),
    ...(data.prostheses ?? []).map((x) =>
      [
        `${t('ampm.prostheses.one')}: ${label(PROSTHESES, x.kind)}`,
        x.serialNumber ? t('ampm.summary.serial', { serial: x.serialNumber }) : '',
        x.description,
      ]
        .filter(Boolean)
        .join(' — '),
    ),
  ];
  const chart = Object.fromEntries((data.dental ?? []).map((d) => [d.tooth, d.state]));
  const custody = (chain: readonly Custody[] | undefined) =>
    (chain ?? [])
      .map((c) => [label(CUSTODY_EVENTS, c.event), day(c.on), c.by, c.to ? `→ ${c.to}` : ''].filter(Boolean).join(' '))
      .join('; ');
  const samples = pm
    ? (pm.dnaSamples ?? []).map((s) =>
        [label(REMAINS_SAMPLE_TISSUES, s.tissue), day(s.takenOn), s.laboratory, s.kit, s.sampleCode, custody(s.custody)]
          .filter(Boolean)
          .join(' · '),
      )
    : (am?.dnaReferenceSamples ?? []).map((s) =>
        [
          `${s.donorName} (${label(DONOR_RELATIONSHIPS, s.relationship)})`,
          day(s.collectedOn),
          s.laboratory,
          s.kit,
          s.sampleCode,
          s.consentSigned ? t('ampm.dna.consent') : '',
          custody(s.custody),
        ]
          .filter(Boolean)
          .join(' · '),
      );
  const clothing = (data.clothing ?? []).map((c) =>
    [label(GARMENTS, c.garment), label(COLOURS, c.colour), c.brand, c.description].filter(Boolean).join(' · '),
  );
  return (
    <div className="ampm-summary">
      <dl className="record">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="record__row">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {data.dental?.length || (pm && pm.dentalCharted) ? (
        <DentalChartView title={t(pm ? 'ampm.dental.titlePm' : 'ampm.dental.titleAm')} mode={mode} value={chart} />
      ) : null}
      {data.dentalNotes ? <p>{t('ampm.summary.dentalNotes', { notes: data.dentalNotes })}</p> : null}
      {body.length ? (
        <>
          <div className="body-map__figures">
            {(['front', 'back'] as const).map((v) => (
              <BodyFigure
                key={v}
                view={v}
                states={onView(v).states}
                counts={onView(v).counts}
                caption={t(`ampm.body.view.${v}`)}
              />
            ))}
          </div>
          <ul className="body-map__list">
            {body.map((b, i) => (
              <li key={i}>{capital(b)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {clothing.length || data.belongings ? (
        <p>
          {t(pm ? 'ampm.section.clothingPm' : 'ampm.section.clothingAm')}:{' '}
          {[...clothing, data.belongings].filter(Boolean).join('; ')}
        </p>
      ) : null}
      {am?.recordHolders?.length ? (
        <p>
          {t('ampm.holders.title')}:{' '}
          {am.recordHolders
            .map((h) => [label(RECORD_HOLDER_KINDS, h.kind), h.name, h.place, h.contact].filter(Boolean).join(', '))
            .join('; ')}
        </p>
      ) : null}
      {samples.length ? (
        <>
          <p className="ampm-summary__label">{t(pm ? 'ampm.dna.samplesPm' : 'ampm.dna.samplesAm')}</p>
          <ul>
            {samples.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
      {pm?.dnaComparisons?.length ? (
        <>
          <p className="ampm-summary__label">{t('ampm.dna.results')}</p>
          <ul>
            {pm.dnaComparisons.map((c) => (
              <li key={c.id}>
                {[
                  label(DNA_RESULTS, c.result),
                  c.likelihoodRatio ? t('ampm.dna.lr', { lr: c.likelihoodRatio.toExponential(2) }) : '',
                  c.laboratory,
                  day(c.comparedOn),
                  c.familySampleCode && c.remainsSampleCode ? `${c.familySampleCode} / ${c.remainsSampleCode}` : '',
                  c.labReference,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
