// "Registrar": the intake. One person, or a mother or father with the children who came with
// them, registered in one step (records, age-appropriate profiles, consents, the household with
// the adult responsible for each child, and the arrival date). Before saving, each person's
// likely existing records are shown, this organisation's and partners' (journey 1); on success,
// the adult's page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import '../screening/screening.css';
import { PageTitle } from '../../../shared/components/page-title';
import { Alert } from '../../../shared/components/alert';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { focusWhenPresent } from '../../../shared/focus-when-present';
import { Link, navigate } from '../../router/router';
import { peopleApi, type PersonCreate } from './people-api';
import { PersonForm } from './person-form';
import { DuplicateWarning, type DuplicateGroup, type SamePerson } from './duplicate-warning';
import { emptyPersonForm, toCreatePayload } from './person-form-values';
import { IntakeExtras, type IntakeExtrasValue } from '../intake/intake-extras';
import { childPerson, displayName, intakePayload } from '../intake/intake-payload';
import { intakeApi } from '../intake/intake-api';

/** The adult's own fields in the intake's answer (the adult is its first member). */
const ADULT = 'members.0.person.';

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

export function RegisterPersonPage() {
  const { t } = useTranslation();
  const [extras, setExtras] = useState<IntakeExtrasValue>({
    arrivedOn: today(),
    indicators: new Set(),
    condition: '',
    travelsAlone: null,
    children: [],
    consents: new Set(),
    consentMethod: 'signed',
    witnessName: '',
  });
  const [pending, setPending] = useState<{ adult: PersonCreate; groups: DuplicateGroup[] } | null>(null);
  const [decisions, setDecisions] = useState<Record<number, SamePerson | undefined>>({});
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The intake's own problems (arrival, children, consents), each also at its field.
  const [error, setError] = useState<string[]>([]);

  async function register(adult: PersonCreate, chosen: Record<number, SamePerson | undefined>): Promise<void> {
    const result = await intakeApi.register(intakePayload(adult, extras, chosen));
    const first = result.people[0]?.personId;
    navigate(`/people/${first}?registered=1`);
  }

  /**
   * Problems of the intake's own fields (arrival, children) are shown at them; the adult's go to
   * the person form, which shows each at its field. The server answers all of them at once.
   */
  function handle(failure: unknown): void {
    if (!(failure instanceof ApiError && failure.field)) throw failure;
    const own = failure.problems.filter((p) => p.field && !/^members\.0\./.test(p.field));
    if (own.length > 0) {
      const byField: Record<string, string> = {};
      for (const p of own) byField[p.field as string] ??= p.message || t('errors.unexpected');
      setErrors(byField);
      setError(own.map((p) => p.message || t('errors.unexpected')));
      focusWhenPresent(() => document.getElementById('intake-error'));
    }
    const adult = failure.problems
      .filter((p) => !own.includes(p))
      .map((p) => (p.field?.startsWith(ADULT) ? { ...p, field: p.field.slice(ADULT.length) } : p));
    const [first] = adult;
    if (first) throw new ApiError(failure.status, { ...first, errors: adult });
  }

  async function continueRegistration(): Promise<void> {
    if (!pending) return;
    setBusy(true);
    setError([]);
    try {
      await register(pending.adult, decisions);
    } catch (failure) {
      setPending(null);
      try {
        handle(failure);
      } catch (other) {
        setError([errorMessage(other, t)]);
        focusWhenPresent(() => document.getElementById('intake-error'));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/people">{t('people.backToList')}</Link>
      </p>
      <PageTitle appName={t('app.name')}>{t('people.register.title')}</PageTitle>
      <p>{t('intake.intro')}</p>
      {error.length > 0 ? (
        <div id="intake-error" tabIndex={-1} className="focus-target">
          <Alert tone="error">
            {error.length === 1 ? (
              error[0]
            ) : (
              <ul>
                {error.map((message, i) => (
                  <li key={i}>{message}</li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      ) : null}
      {pending ? (
        <DuplicateWarning
          groups={pending.groups}
          decisions={decisions}
          onDecide={(member, decision) => setDecisions((d) => ({ ...d, [member]: decision }))}
          onContinue={() => void continueRegistration()}
          onBack={() => {
            setPending(null);
            setDecisions({});
          }}
          busy={busy}
        />
      ) : null}
      <div hidden={pending !== null}>
        <PersonForm
          initial={emptyPersonForm}
          submitLabel={t(extras.children.length > 0 ? 'intake.submitFamily' : 'people.register.submit')}
          submittingLabel={t('people.register.submitting')}
          onSubmit={async (values) => {
            setErrors({});
            setError([]);
            const adult = toCreatePayload(values);
            const people = [adult, ...extras.children.map((c) => childPerson(c, adult.nationality))];
            const checks = await Promise.all(people.map((p) => peopleApi.duplicateCheck(p)));
            const groups = checks
              .map(({ items }, member) => ({ member, typedName: displayName(people[member] ?? {}), candidates: items }))
              .filter((g) => g.candidates.length > 0);
            if (groups.length > 0) {
              setDecisions({});
              setPending({ adult, groups });
              return;
            }
            try {
              await register(adult, {});
            } catch (failure) {
              handle(failure);
            }
          }}
          onCancel={() => navigate('/people')}
          extra={<IntakeExtras value={extras} onChange={setExtras} errors={errors} />}
        />
      </div>
    </>
  );
}
