// Changing a case's status, caseworker or team: a dialog opened from the case header when asked
// for. It sends the version read; a conflict is handled by the page (reload and say what changed).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordDialog } from '../../../shared/components/record-dialog';
import { SelectField } from '../people/form-fields';
import type { CaseAssignees, CaseView } from './cases-api';

export type CaseEdit = { status: 'open' | 'active' | 'on_hold'; assignedAccountId: string; teamId: string };

const editOf = (c: CaseView): CaseEdit => ({
  status: c.status === 'closed' ? 'open' : c.status,
  assignedAccountId: c.assignedAccountId ?? '',
  teamId: c.teamId ?? '',
});

interface Props {
  item: CaseView;
  assignees: CaseAssignees;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** Saves; resolves when done (the dialog closes), rejects to keep it open. */
  onSave: (edit: CaseEdit) => Promise<void>;
}

export function CaseEditDialog({ item, assignees, isOpen, onOpenChange, onSave }: Props) {
  const { t } = useTranslation();
  return (
    <RecordDialog
      title={t('caseTabs.edit')}
      closeLabel={t('personTabs.close')}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      {(close) => <CaseEditForm key={item.version} item={item} assignees={assignees} onSave={onSave} close={close} />}
    </RecordDialog>
  );
}

function CaseEditForm({
  item,
  assignees,
  onSave,
  close,
}: Omit<Props, 'isOpen' | 'onOpenChange'> & { close: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<CaseEdit>(() => editOf(item));
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await onSave(form);
      close();
    } catch {
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <SelectField
        id="case-edit-status"
        label={t('cases.page.status')}
        value={form.status}
        onChange={(e) => setForm({ ...form, status: e.target.value as CaseEdit['status'] })}
      >
        {(['open', 'active', 'on_hold'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`cases.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="case-edit-worker"
        label={t('cases.page.worker')}
        value={form.assignedAccountId}
        onChange={(e) => setForm({ ...form, assignedAccountId: e.target.value })}
      >
        <option value="">{t('cases.page.none')}</option>
        {assignees.accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="case-edit-team"
        label={t('cases.page.team')}
        value={form.teamId}
        onChange={(e) => setForm({ ...form, teamId: e.target.value })}
      >
        <option value="">{t('cases.page.none')}</option>
        {assignees.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </SelectField>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('cases.page.saving') : t('cases.page.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={close}>
          {t('filing.cancel')}
        </button>
      </div>
    </form>
  );
}
