// Typed calls of the incidents API. Payload types come from the zod schemas in core (type-only
// imports: no schema code reaches the bundle).
import type {
  ActCreate,
  ComplaintCreate,
  ComplaintStatusChange,
  IncomingLinkRequest,
  Incident,
  IncidentCreate,
  IncidentMapSummary,
  IncidentSummary,
  IncidentUpdate,
  PerpetratorCreate,
  ProtectionMeasureCreate,
  ProtectionStageChange,
  VictimCreate,
} from '../../../../../../packages/core/src/incidents/index.ts';
import { ApiError, apiRequest, currentCsrfToken } from '../../api/client';

export type { Incident, IncidentSummary, IncidentMapSummary, IncomingLinkRequest };

export interface EventLinkRequest {
  id: string;
  victimId: string | null;
  status: 'open' | 'linked' | 'declined';
  createdAt: string;
  resolvedAt: string | null;
}
export type IncidentCreateInput = Omit<IncidentCreate, 'contextTags' | 'confidentiality' | 'againstDefenders'> &
  Partial<Pick<IncidentCreate, 'contextTags' | 'confidentiality' | 'againstDefenders'>>;

export interface IncidentFilters {
  from?: string | undefined;
  to?: string | undefined;
  state?: string | undefined;
  act?: string | undefined;
  institution?: string | undefined;
  sex?: string | undefined;
  ageGroup?: string | undefined;
  defenders?: string | undefined;
  confidentiality?: string | undefined;
  cursor?: string | undefined;
}

export interface Term {
  key: string;
  parent: string | null;
  label: { es: string; en: string };
  definition: { es: string; en: string };
}
export interface Vocabulary {
  violationTypes: { version: number; terms: Term[] };
  institutions: { version: number; terms: Term[] };
}
export interface Verification {
  ok: boolean;
  sha256Recorded: string;
  sha256Computed: string | null;
  reason: string | null;
}
export interface CustodyEntry {
  action: string;
  accountId: string | null;
  at: string;
  detail: string | null;
}

const enc = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function send(
  method: string,
  url: string,
  body: BodyInit,
  headers: Record<string, string>,
  language: string,
): Promise<Response> {
  const csrfToken = currentCsrfToken();
  const all: Record<string, string> = { 'Accept-Language': language, ...headers };
  if (csrfToken) all['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers: all, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, { code: 'client.network', message: '' });
  }
  if (response.ok) return response;
  const error = (await response.json().catch(() => undefined)) as
    { code?: string; message?: string; field?: string } | undefined;
  throw new ApiError(
    response.status,
    error?.code
      ? { code: error.code, message: error.message ?? '', ...(error.field ? { field: error.field } : {}) }
      : { code: 'client.unexpected', message: '' },
  );
}

/** Uploads raw bytes (the evidence route takes the file itself, not JSON). */
async function upload(id: string, file: File, language: string): Promise<void> {
  await send(
    'PUT',
    `/api/incidents/${enc(id)}/evidence`,
    file,
    {
      Accept: 'application/json',
      'Content-Type': file.type || 'application/octet-stream',
      'x-file-name': enc(file.name),
    },
    language,
  );
}

/** The partner export as a file the browser saves. */
async function exportEvents(
  ids: string[],
  format: 'csv' | 'json',
  includeTitles: boolean,
  language: string,
): Promise<{ blob: Blob; exported: number; skipped: number }> {
  const response = await send(
    'POST',
    '/api/incidents/export',
    JSON.stringify({ format, ids, includeTitles }),
    { 'Content-Type': 'application/json' },
    language,
  );
  return {
    blob: await response.blob(),
    exported: Number(response.headers.get('x-exported') ?? 0),
    skipped: Number(response.headers.get('x-skipped') ?? 0),
  };
}

const base = (id: string) => `/api/incidents/${enc(id)}`;

export const incidentsApi = {
  vocabulary: () => apiRequest<Vocabulary>('GET', '/api/incidents/vocabulary'),
  list: (filters: IncidentFilters, signal?: AbortSignal) =>
    apiRequest<{ items: IncidentSummary[]; nextCursor: string | null }>(
      'GET',
      `/api/incidents${query({ ...filters, limit: '50' })}`,
      { signal },
    ),
  summary: (filters: IncidentFilters) =>
    apiRequest<IncidentMapSummary>('GET', `/api/incidents/summary${query({ ...filters, cursor: undefined })}`),
  get: (id: string) => apiRequest<Incident>('GET', base(id)),
  create: (body: IncidentCreateInput) => apiRequest<Incident>('POST', '/api/incidents', { body }),
  update: (id: string, body: IncidentUpdate) => apiRequest<Incident>('PATCH', base(id), { body }),
  addVictim: (id: string, body: Partial<VictimCreate>) => apiRequest<Incident>('POST', `${base(id)}/victims`, { body }),
  addPerpetrator: (id: string, body: Partial<PerpetratorCreate> & { institution: string }) =>
    apiRequest<Incident>('POST', `${base(id)}/perpetrators`, { body }),
  addAct: (id: string, body: Omit<ActCreate, 'perpetratorIds'> & { perpetratorIds?: string[] }) =>
    apiRequest<Incident>('POST', `${base(id)}/acts`, { body }),
  addComplaint: (id: string, body: ComplaintCreate) => apiRequest<Incident>('POST', `${base(id)}/complaints`, { body }),
  complaintStatus: (id: string, complaintId: string, body: ComplaintStatusChange) =>
    apiRequest<Incident>('PUT', `${base(id)}/complaints/${enc(complaintId)}/status`, { body }),
  addMeasure: (
    id: string,
    body: Omit<ProtectionMeasureCreate, 'stage'> & { stage?: ProtectionMeasureCreate['stage'] },
  ) => apiRequest<Incident>('POST', `${base(id)}/protection`, { body }),
  measureStage: (id: string, measureId: string, body: ProtectionStageChange) =>
    apiRequest<Incident>('PUT', `${base(id)}/protection/${enc(measureId)}/stage`, { body }),
  verify: (id: string, evidenceId: string) =>
    apiRequest<Verification>('GET', `${base(id)}/evidence/${enc(evidenceId)}/verify`),
  custody: (id: string, evidenceId: string) =>
    apiRequest<{ items: CustodyEntry[] }>('GET', `${base(id)}/evidence/${enc(evidenceId)}/custody`),
  evidenceUrl: (id: string, evidenceId: string) => `${base(id)}/evidence/${enc(evidenceId)}`,
  reportUrl: (id: string, lang: string) => `${base(id)}/report.pdf?lang=${lang === 'en' ? 'en' : 'es'}`,
  linkRequests: (id: string) => apiRequest<{ items: EventLinkRequest[] }>('GET', `${base(id)}/link-requests`),
  requestLink: (id: string, victimId: string, body: { nameHint: string; note?: string }) =>
    apiRequest<{ id: string; status: string }>('POST', `${base(id)}/victims/${enc(victimId)}/link-requests`, { body }),
  incomingLinkRequests: () => apiRequest<{ items: IncomingLinkRequest[] }>('GET', '/api/incident-link-requests'),
  answerLink: (requestId: string, body: { personId: string; consent: { method: string } }) =>
    apiRequest<{ id: string; status: string }>('POST', `/api/incident-link-requests/${enc(requestId)}/link`, { body }),
  declineLink: (requestId: string) =>
    apiRequest<{ id: string; status: string }>('POST', `/api/incident-link-requests/${enc(requestId)}/decline`, {
      body: {},
    }),
  upload,
  exportEvents,
};
