// Typed calls of the cases API. Payload types come from the zod schemas in core (type-only
// imports: no schema code reaches the bundle).
import type {
  CaseAssignees,
  CaseAttachment,
  CaseListQueryInput,
  CaseNote,
  CaseStatus,
  CaseSummary,
  CaseTask,
  CaseTaskCreate,
  CaseTaskUpdate,
  CaseTimelineItem,
  CaseUpdate,
  CaseView,
} from '../../../../../../packages/core/src/cases/case.schemas.ts';
import { ApiError, apiRequest, currentCsrfToken } from '../../api/client';

export type { CaseAssignees, CaseAttachment, CaseNote, CaseStatus, CaseSummary, CaseTask, CaseTimelineItem, CaseView };

export const caseStatuses = ['open', 'active', 'on_hold', 'closed'] as const satisfies readonly CaseStatus[];
/** Screening flags offered as a list filter (keys of the shipped questionnaires' rules). */
export const caseFlags = [
  'unaccompanied_or_separated_child',
  'international_protection_needs',
  'trafficking_indicators',
  'gbv_survivor',
  'medical_emergency',
  'persecution_by_state_agents',
] as const;

export type CaseListFilters = Omit<CaseListQueryInput, 'limit'>;

const enc = encodeURIComponent;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Uploads raw bytes (the attachment route takes the file itself, not JSON). */
async function upload(caseId: string, file: File, language: string): Promise<CaseAttachment> {
  const csrfToken = currentCsrfToken();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
    'Content-Type': file.type || 'application/octet-stream',
    'x-file-name': enc(file.name),
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/cases/${enc(caseId)}/attachments`, {
      method: 'PUT',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, { code: 'client.network', message: '' });
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return body as CaseAttachment;
  const error =
    body && typeof body === 'object' && 'code' in body
      ? (body as { code: string; message: string; field?: string })
      : { code: 'client.unexpected', message: '' };
  throw new ApiError(response.status, error);
}

export const casesApi = {
  list: (filters: CaseListFilters, signal?: AbortSignal) =>
    apiRequest<{ items: CaseSummary[]; nextCursor: string | null }>(
      'GET',
      `/api/cases${query({ ...filters, q: filters.q?.trim() })}`,
      { signal },
    ),
  assignees: () => apiRequest<CaseAssignees>('GET', '/api/cases/assignees'),
  get: (id: string) => apiRequest<CaseView>('GET', `/api/cases/${enc(id)}`),
  open: (personId: string) => apiRequest<CaseView>('POST', '/api/cases', { body: { personId } }),
  update: (id: string, body: CaseUpdate) => apiRequest<CaseView>('PATCH', `/api/cases/${enc(id)}`, { body }),
  close: (id: string, version: number, reason: string) =>
    apiRequest<CaseView>('POST', `/api/cases/${enc(id)}/close`, { body: { version, reason } }),
  reopen: (id: string, version: number, reason: string) =>
    apiRequest<CaseView>('POST', `/api/cases/${enc(id)}/reopen`, { body: { version, reason } }),
  addTask: (id: string, body: CaseTaskCreate) => apiRequest<CaseTask>('POST', `/api/cases/${enc(id)}/tasks`, { body }),
  updateTask: (id: string, taskId: string, body: CaseTaskUpdate) =>
    apiRequest<CaseTask>('PATCH', `/api/cases/${enc(id)}/tasks/${enc(taskId)}`, { body }),
  notes: (id: string) => apiRequest<{ items: CaseNote[] }>('GET', `/api/cases/${enc(id)}/notes`),
  addNote: (id: string, text: string) =>
    apiRequest<CaseNote>('POST', `/api/cases/${enc(id)}/notes`, { body: { text } }),
  attachments: (id: string) => apiRequest<{ items: CaseAttachment[] }>('GET', `/api/cases/${enc(id)}/attachments`),
  attachmentUrl: (id: string, attachmentId: string) => `/api/cases/${enc(id)}/attachments/${enc(attachmentId)}`,
  upload,
  timeline: (id: string) => apiRequest<{ items: CaseTimelineItem[] }>('GET', `/api/cases/${enc(id)}/timeline`),
};
