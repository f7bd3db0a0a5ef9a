// A procedure's timeline, read from the audit log (apps/server/src/audit/record-history.ts):
// each change the procedures service audits becomes one event. The audit entries carry only
// step keys, dates and stage names — never personal data — so the timeline carries none either.
import type { ProcedureTimelineItem } from '@acompana/core';
import type { HistoryEntry } from '../audit/record-history.ts';

/** Audit action → timeline kind. Reads are audited too but are not history. */
export const timelineKinds: Record<string, ProcedureTimelineItem['kind']> = {
  'procedure.create': 'opened',
  'procedure.step_set': 'step_set',
  'procedure.step_done': 'step_done',
  'procedure.step_recomputed': 'step_recomputed',
  'procedure.stage': 'stage_changed',
  'procedure.filed': 'filed',
  'procedure.filing_undone': 'filing_undone',
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function timelineItem(entry: HistoryEntry): ProcedureTimelineItem {
  const kind = timelineKinds[entry.action] ?? 'opened';
  const item: ProcedureTimelineItem = { at: entry.at, kind, by: entry.actorName };
  const stepKey = entry.fields[0];
  const d = entry.details;
  if (kind === 'step_set' || kind === 'step_done' || kind === 'step_recomputed')
    Object.assign(item, stepKey ? { stepKey } : {});
  if (kind === 'step_set') item.dueDate = text(d.dueDate);
  if (kind === 'step_done' && text(d.completedOn)) item.completedOn = text(d.completedOn) as string;
  if (kind === 'step_recomputed' || kind === 'stage_changed')
    Object.assign(item, { from: text(d.from), to: text(d.to) });
  if (kind === 'filed' || kind === 'filing_undone') {
    Object.assign(item, stepKey ? { stepKey } : {}, { from: text(d.from), to: text(d.to) });
    if (text(d.filedOn)) item.completedOn = text(d.filedOn) as string;
    if (text(d.sha256)) item.sha256 = text(d.sha256) as string;
  }
  return item;
}
