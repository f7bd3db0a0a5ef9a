// The case plan: tasks with owner and due date (overdue ones in red and said so in words),
// completed or reopened with the task's version; tasks from the catalogue or in one's own words;
// the tasks the person's screening suggests, one click each.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { currentLanguage } from '../../../i18n/i18n';
import { errorMessage, fieldMessage, namesFields } from '../../api/error-message';
import { InputField, SelectField } from '../people/form-fields';
import { formatPlainDate } from '../people/reference-data';
import { casesApi } from './cases-api';
import type { CaseAssignees, CaseTask, CaseView } from './cases-api';

interface Props {
  item: CaseView;
  assignees: CaseAssignees;
  onChanged: () => Promise<void>;
  onFailed: (error: unknown) => Promise<void>;
}

export function CasePlanSection({ item, assignees, onChanged, onFailed }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState(item.assignedAccountId ?? '');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  // The server's refusal: each field it names shows its own message, anything else at the top.
  const [error, setError] = useState<unknown>(null);
  const editable = item.canUpdate && item.status !== 'closed';
  const labelOf = (task: { label: { es: string; en: string } | null; description: string | null }) =>
    task.label ? task.label[language] : (task.description ?? '');

  async function add(body: Parameters<typeof casesApi.addTask>[1]) {
    setBusy(true);
    setError(null);
    try {
      await casesApi.addTask(item.id, body);
      setDescription('');
      setDue('');
      await onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void add({ description, ownerAccountId: owner || null, dueOn: due || null });
  }

  async function toggle(task: CaseTask) {
    try {
      await casesApi.updateTask(item.id, task.id, { version: task.version, done: !task.done });
      await onChanged();
    } catch (e) {
      await onFailed(e);
    }
  }

  return (
    <section aria-labelledby="case-plan" className="card section-card">
      <h2 id="case-plan">{t('cases.plan.title')}</h2>
      {item.tasks.length === 0 ? <p>{t('cases.plan.none')}</p> : null}
      <ul className="task-list">
        {item.tasks.map((task) => (
          <li
            key={task.id}
            className={['task', task.overdue ? 'task--overdue' : '', task.done ? 'task--done' : ''].join(' ').trim()}
          >
            <span className="task__title">{labelOf(task)}</span>
            {task.source !== 'manual' ? <span className="task__source">{t(`cases.plan.${task.source}`)}</span> : null}
            <span>{t('cases.plan.ownerIs', { name: task.ownerName ?? t('cases.plan.noOwner') })}</span>
            {task.dueOn ? (
              <span className="task__due">
                {t('cases.plan.dueOn', { date: formatPlainDate(task.dueOn, language, 'medium') })}
              </span>
            ) : null}
            {task.overdue ? <strong className="case-overdue">{t('cases.plan.overdue')}</strong> : null}
            {task.done ? <span>{t('cases.plan.done')}</span> : null}
            {editable ? (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => void toggle(task)}
                aria-label={`${task.done ? t('cases.plan.undo') : t('cases.plan.complete')}: ${labelOf(task)}`}
              >
                {task.done ? t('cases.plan.undo') : t('cases.plan.complete')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable && item.suggestedTasks.length > 0 ? (
        <>
          <h3>{t('cases.plan.suggested')}</h3>
          <ul className="suggested-list">
            {item.suggestedTasks.map((s) => (
              <li key={s.key}>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  disabled={busy}
                  onClick={() => void add({ key: s.key, ownerAccountId: item.assignedAccountId })}
                >
                  {t('cases.plan.addSuggested', { label: s.label[language] })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {editable ? (
        <form className="form" onSubmit={submit} noValidate>
          <h3>{t('cases.plan.add')}</h3>
          {error && !namesFields(error) ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
          <InputField
            id="task-description"
            label={t('cases.plan.own')}
            value={description}
            maxLength={1000}
            error={fieldMessage(error, t, 'description')}
            onChange={(e) => setDescription(e.target.value)}
          />
          <SelectField
            id="task-owner"
            label={t('cases.plan.owner')}
            value={owner}
            error={fieldMessage(error, t, 'ownerAccountId')}
            onChange={(e) => setOwner(e.target.value)}
          >
            <option value="">{t('cases.plan.noOwner')}</option>
            {assignees.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <InputField
            id="task-due"
            type="date"
            label={t('cases.plan.due')}
            value={due}
            error={fieldMessage(error, t, 'dueOn')}
            onChange={(e) => setDue(e.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('cases.plan.adding') : t('cases.plan.add')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
