// Typed calls of the missing-person API: reports, found records, the review queue and tracing.
// Payload types come from the zod schemas in core (type-only imports: no schema code in the bundle).
import type {
  CandidateReview,
  FoundRecord,
  FoundRecordCreate,
  MatchCandidate,
  MatchRun,
  MissingReport,
  MissingReportCreate,
  TraceConsent,
  TracingAccept,
  TracingRequest,
} from '../../../../../../packages/core/src/missing/index.ts';
import { apiRequest } from '../../api/client';

export type { FoundRecord, FoundRecordCreate, MatchCandidate, MissingReport, MissingReportCreate, TraceConsent, TracingRequest };

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

export type TracingSummary = Pick<TracingRequest, 'id' | 'direction' | 'reportId' | 'fromOrg' | 'toOrg' | 'status' | 'createdAt' | 'decidedAt' | 'candidatesFound'>;

const enc = encodeURIComponent;

export const missingApi = {
  reports: () => apiRequest<{ items: ReportSummary[] }>('GET', '/api/missing/reports'),
  report: (id: string) => apiRequest<MissingReport>('GET', `/api/missing/reports/${enc(id)}`),
  createReport: (body: MissingReportCreate) => apiRequest<MissingReport & { matchRun: MatchRun }>('POST', '/api/missing/reports', { body }),
  candidates: (id: string, status?: string) => apiRequest<{ items: MatchCandidate[] }>('GET', `/api/missing/reports/${enc(id)}/candidates${status ? `?status=${enc(status)}` : ''}`),
  rematch: (id: string) => apiRequest<MatchRun>('POST', `/api/missing/reports/${enc(id)}/rematch`),
  review: (candidateId: string, body: CandidateReview) => apiRequest<MatchCandidate>('POST', `/api/missing/candidates/${enc(candidateId)}/review`, { body }),
  changeStatus: (id: string, status: MissingReport['status'], version: number) => apiRequest<MissingReport>('POST', `/api/missing/reports/${enc(id)}/status`, { body: { status, version } }),
  found: () => apiRequest<{ items: FoundRecord[] }>('GET', '/api/missing/found'),
  createFound: (body: FoundRecordCreate) => apiRequest<FoundRecord & { proposedForReports: number }>('POST', '/api/missing/found', { body }),
  recordConsent: (id: string, body: TraceConsent) => apiRequest<MissingReport>('PUT', `/api/missing/reports/${enc(id)}/trace-consent`, { body }),
  withdrawConsent: (id: string) => apiRequest<MissingReport>('DELETE', `/api/missing/reports/${enc(id)}/trace-consent`),
  tracingForReport: (id: string) => apiRequest<{ items: TracingSummary[] }>('GET', `/api/missing/reports/${enc(id)}/tracing`),
  tracingPartners: () => apiRequest<{ items: { id: string; name: string }[] }>('GET', '/api/missing/tracing/partners'),
  sendTracing: (reportId: string, toOrgId: string) => apiRequest<TracingRequest>('POST', '/api/missing/tracing', { body: { reportId, toOrgId } }),
  tracingList: (direction: 'outgoing' | 'incoming') => apiRequest<{ items: TracingSummary[] }>('GET', `/api/missing/tracing?direction=${direction}`),
  tracing: (id: string) => apiRequest<TracingRequest>('GET', `/api/missing/tracing/${enc(id)}`),
  acceptTracing: (id: string, body: TracingAccept) => apiRequest<TracingRequest>('POST', `/api/missing/tracing/${enc(id)}/accept`, { body }),
  declineTracing: (id: string) => apiRequest<TracingRequest>('POST', `/api/missing/tracing/${enc(id)}/decline`),
};

export const searchPath = '/search';
export const newReportPath = '/search/reports/new';
export const newFoundPath = '/search/found/new';
export const reportPath = (id: string) => `/search/reports/${id}`;
export const tracingPath = (id: string) => `/search/tracing/${id}`;
