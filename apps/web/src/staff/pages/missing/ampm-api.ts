// Typed calls of the ante-mortem / post-mortem API (decision 0147): the structured records, the
// laboratory's DNA results, a pair side by side, and the forensic workflow of remains.
import type {
  AmPmSideBySide,
  AnteMortem,
  DnaComparison,
  ForensicState,
  ForensicStep,
  PostMortem,
} from '../../../../../../packages/core/src/missing/index.ts';
import { apiRequest } from '../../api/client';
import type { FoundRecord, MissingReport } from './missing-api';

export type { AmPmSideBySide, ForensicState, ForensicStep };

const enc = encodeURIComponent;

export const ampmApi = {
  saveAnteMortem: (reportId: string, anteMortem: AnteMortem, version: number) =>
    apiRequest<MissingReport>('PUT', `/api/missing/reports/${enc(reportId)}/ante-mortem`, {
      body: { anteMortem, version },
    }),
  savePostMortem: (foundId: string, postMortem: PostMortem, version: number) =>
    apiRequest<FoundRecord>('PUT', `/api/missing/found/${enc(foundId)}/post-mortem`, { body: { postMortem, version } }),
  addDnaComparison: (foundId: string, body: DnaComparison) =>
    apiRequest<FoundRecord>('POST', `/api/missing/found/${enc(foundId)}/dna-comparisons`, { body }),
  sideBySide: (candidateId: string) =>
    apiRequest<AmPmSideBySide>('GET', `/api/missing/candidates/${enc(candidateId)}/ampm`),
  forensic: (foundId: string) => apiRequest<ForensicState>('GET', `/api/missing/found/${enc(foundId)}/forensic`),
  forensicStep: (foundId: string, body: ForensicStep) =>
    apiRequest<ForensicState>('POST', `/api/missing/found/${enc(foundId)}/forensic-steps`, { body }),
};
