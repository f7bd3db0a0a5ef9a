// Typed calls of the missing-person API: reports, found records, the review queue and tracing.
// Payload types come from the zod schemas in core (type-only imports: no schema code in the bundle).
import type {
  CandidateReview,
  FoundRecord,
  FoundRecordCreate,
  MatchCandidate,
  MatchRun,
  MatchSettings,
  MissingReport,
  MissingPhoto,
  MissingReportCreate,
  ReviewQueueItem,
  TraceConsent,
  TracingAccept,
  TracingRequest,
} from '../../../../../../packages/core/src/missing/index.ts';
import { ApiError, apiRequest, currentCsrfToken } from '../../api/client';

export type {
  FoundRecord,
  FoundRecordCreate,
  MatchCandidate,
  MatchSettings,
  MissingPhoto,
  MissingReport,
  MissingReportCreate,
  ReviewQueueItem,
  TraceConsent,
  TracingRequest,
};
export type PhotoOwner = { kind: 'report' | 'found'; id: string };

export interface ReportSummary {
  id: string;
  status: MissingReport['status'];
  givenNames?: string;
  surnames?: string;
  sex?: string;
  lastContactMonth: string | null;
  createdAt: string;
  pendingCandidates: number;
}

export type TracingSummary = Pick<
  TracingRequest,
  'id' | 'direction' | 'reportId' | 'fromOrg' | 'toOrg' | 'status' | 'createdAt' | 'decidedAt' | 'candidatesFound'
>;

const enc = encodeURIComponent;
const page = (cursor: string | null | undefined) => (cursor ? `&cursor=${enc(cursor)}` : '');

/** Raw image bytes (the API checks the content, whatever the file claims). */
async function uploadPhoto(owner: PhotoOwner, file: File, language: string): Promise<MissingPhoto> {
  const csrfToken = currentCsrfToken();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
    'Content-Type': file.type || 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/missing/${owner.kind === 'report' ? 'reports' : 'found'}/${enc(owner.id)}/photos`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, { code: 'client.network', message: '' });
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return body as MissingPhoto;
  const error =
    body && typeof body === 'object' && 'code' in body
      ? (body as { code: string; message: string; field?: string })
      : { code: 'client.unexpected', message: '' };
  throw new ApiError(response.status, error);
}

export const missingApi = {
  reports: () => apiRequest<{ items: ReportSummary[] }>('GET', '/api/missing/reports'),
  report: (id: string) => apiRequest<MissingReport>('GET', `/api/missing/reports/${enc(id)}`),
  createReport: (body: MissingReportCreate) =>
    apiRequest<MissingReport & { matchRun: MatchRun }>('POST', '/api/missing/reports', { body }),
  candidates: (id: string, status?: string) =>
    apiRequest<{ items: MatchCandidate[] }>(
      'GET',
      `/api/missing/reports/${enc(id)}/candidates${status ? `?status=${enc(status)}` : ''}`,
    ),
  withdrawProposal: (candidateId: string) =>
    apiRequest<MatchCandidate>('POST', `/api/missing/candidates/${enc(candidateId)}/withdraw`),
  settings: () => apiRequest<MatchSettings>('GET', '/api/missing/settings'),
  saveSettings: (body: MatchSettings) => apiRequest<MatchSettings>('PUT', '/api/missing/settings', { body }),
  rematch: (id: string) => apiRequest<MatchRun>('POST', `/api/missing/reports/${enc(id)}/rematch`),
  review: (candidateId: string, body: CandidateReview) =>
    apiRequest<MatchCandidate>('POST', `/api/missing/candidates/${enc(candidateId)}/review`, { body }),
  changeStatus: (id: string, status: MissingReport['status'], version: number) =>
    apiRequest<MissingReport>('POST', `/api/missing/reports/${enc(id)}/status`, { body: { status, version } }),
  found: () => apiRequest<{ items: FoundRecord[] }>('GET', '/api/missing/found'),
  createFound: (body: FoundRecordCreate) =>
    apiRequest<FoundRecord & { proposedForReports: number }>('POST', '/api/missing/found', { body }),
  recordConsent: (id: string, body: TraceConsent) =>
    apiRequest<MissingReport>('PUT', `/api/missing/reports/${enc(id)}/trace-consent`, { body }),
  withdrawConsent: (id: string) => apiRequest<MissingReport>('DELETE', `/api/missing/reports/${enc(id)}/trace-consent`),
  tracingForReport: (id: string) =>
    apiRequest<{ items: TracingSummary[] }>('GET', `/api/missing/reports/${enc(id)}/tracing`),
  tracingPartners: () => apiRequest<{ items: { id: string; name: string }[] }>('GET', '/api/missing/tracing/partners'),
  sendTracing: (reportId: string, toOrgId: string) =>
    apiRequest<TracingRequest>('POST', '/api/missing/tracing', { body: { reportId, toOrgId } }),
  tracingList: (direction: 'outgoing' | 'incoming', cursor?: string | null) =>
    apiRequest<{ items: TracingSummary[]; nextCursor: string | null }>(
      'GET',
      `/api/missing/tracing?direction=${direction}&limit=25${page(cursor)}`,
    ),
  queue: (status: MatchCandidate['reviewStatus'], cursor?: string | null) =>
    apiRequest<{ items: ReviewQueueItem[]; nextCursor: string | null }>(
      'GET',
      `/api/missing/candidates?status=${status}&limit=25${page(cursor)}`,
    ),
  candidate: (id: string) => apiRequest<MatchCandidate>('GET', `/api/missing/candidates/${enc(id)}`),
  foundRecord: (id: string) => apiRequest<FoundRecord>('GET', `/api/missing/found/${enc(id)}`),
  changeFoundStatus: (id: string, status: FoundRecord['status'], version: number) =>
    apiRequest<FoundRecord>('POST', `/api/missing/found/${enc(id)}/status`, { body: { status, version } }),
  uploadPhoto,
  removePhoto: (id: string) => apiRequest<void>('DELETE', `/api/missing/photos/${enc(id)}`),
  photoUrl: (id: string) => `/api/missing/photos/${enc(id)}`,
  tracing: (id: string) => apiRequest<TracingRequest>('GET', `/api/missing/tracing/${enc(id)}`),
  acceptTracing: (id: string, body: TracingAccept) =>
    apiRequest<TracingRequest>('POST', `/api/missing/tracing/${enc(id)}/accept`, { body }),
  declineTracing: (id: string) => apiRequest<TracingRequest>('POST', `/api/missing/tracing/${enc(id)}/decline`),
};

export const searchPath = '/search';
export const newReportPath = '/search/reports/new';
export const newFoundPath = '/search/found/new';
export const reportPath = (id: string) => `/search/reports/${id}`;
export const tracingPath = (id: string) => `/search/tracing/${id}`;
export const foundPath = (id: string) => `/search/found/${id}`;
export const queuePath = '/search/review';
export const candidatePath = (id: string) => `/search/review/${id}`;
