// Pages of the missing-person search module under /search (the nav's "search" module).
import type { ReactNode } from 'react';
import { FoundFormPage } from './found-form-page';
import { ReportFormPage } from './report-form-page';
import { ReportPage } from './report-page';
import { SearchPage } from './search-page';
import { TracingPage } from './tracing-page';
import { FoundPage } from './found-page';
import { CandidatePage, ReviewQueuePage } from './review-queue-page';
import { newFoundPath, newReportPath, queuePath, searchPath } from './missing-api';
import { NotFoundPage } from '../not-found-page';

export function missingPageFor(path: string): ReactNode | null {
  if (path === searchPath) return <SearchPage />;
  if (path === newReportPath) return <ReportFormPage />;
  if (path === newFoundPath) return <FoundFormPage />;
  if (path === queuePath) return <ReviewQueuePage />;
  const found = /^\/search\/found\/([0-9a-f-]{36})$/i.exec(path);
  if (found?.[1]) return <FoundPage key={found[1]} foundId={found[1]} />;
  const candidate = /^\/search\/review\/([0-9a-f-]{36})$/i.exec(path);
  if (candidate?.[1]) return <CandidatePage key={candidate[1]} candidateId={candidate[1]} />;
  const report = /^\/search\/reports\/([0-9a-f-]{36})$/i.exec(path);
  if (report?.[1]) return <ReportPage key={report[1]} reportId={report[1]} />;
  const tracing = /^\/search\/tracing\/([0-9a-f-]{36})$/i.exec(path);
  if (tracing?.[1]) return <TracingPage key={tracing[1]} requestId={tracing[1]} />;
  return null;
}

/** The module's pages as one lazily loaded component (the app loads this file on first visit). */
export function MissingRoute({ path }: { path: string }) {
  return missingPageFor(path) ?? <NotFoundPage />;
}
