// Pages of the missing-person search module under /search (the nav's "search" module).
import type { ReactNode } from 'react';
import { FoundFormPage } from './found-form-page';
import { ReportFormPage } from './report-form-page';
import { ReportPage } from './report-page';
import { SearchPage } from './search-page';
import { TracingPage } from './tracing-page';
import { newFoundPath, newReportPath, searchPath } from './missing-api';

export function missingPageFor(path: string): ReactNode | null {
  if (path === searchPath) return <SearchPage />;
  if (path === newReportPath) return <ReportFormPage />;
  if (path === newFoundPath) return <FoundFormPage />;
  const report = /^\/search\/reports\/([0-9a-f-]{36})$/i.exec(path);
  if (report?.[1]) return <ReportPage key={report[1]} reportId={report[1]} />;
  const tracing = /^\/search\/tracing\/([0-9a-f-]{36})$/i.exec(path);
  if (tracing?.[1]) return <TracingPage key={tracing[1]} requestId={tracing[1]} />;
  return null;
}
