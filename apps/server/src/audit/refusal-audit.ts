// Refused access to a record, audited without letting a flood of refusals fill the disk
// (decision 0128). A signed-in request answered `policy.denied` (403: the role may not) or
// `record.not_found` (404: absent, or another organisation's record the actor may not see — the
// answer does not tell which, and neither does the entry) leaves an `access.refused` entry naming
// who (account, organisation, address), what (method and route), which id and why (the code).
// Per account, organisation and reason, only the first refusal of each minute is written at once;
// the others of that minute are counted and written as one `access.refused.repeated` entry
// (count, first and last time, up to 20 of the ids) when the minute is over. So an account can
// add at most two entries a minute per reason, however fast it probes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.ts';
import type { AuditWriter } from './audit-log.ts';

const REFUSALS = new Set(['policy.denied', 'record.not_found']);
const WINDOW_MS = 60_000;
const SAMPLE_IDS = 20;
const MAX_KEYS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record type of a route's resource, as the audit log names it elsewhere. */
const recordTypeOfSegment: Record<string, string> = {
  people: 'person',
  cases: 'case',
  incidents: 'incident',
  procedures: 'procedure',
  households: 'household',
  referrals: 'referral',
  families: 'family',
  screenings: 'screening',
};

export interface Refusal {
  accountId: string;
  orgId: string | null;
  reason: string;
  method: string;
  route: string;
  recordType: string;
  recordId: string | null;
  ip: string | null;
}

interface Window {
  start: number;
  first: Refusal;
  repeated: number;
  lastAt: number;
  ids: Set<string>;
}

export interface RefusalRecorder {
  refused(r: Refusal): Promise<void>;
  /** Writes the summaries of the minutes that are over (all of them when `all`). */
  flush(all?: boolean): Promise<void>;
}

export function createRefusalRecorder(audit: AuditWriter, clock: () => Date): RefusalRecorder {
  const windows = new Map<string, Window>();

  const summarise = async (w: Window) => {
    if (w.repeated === 0) return;
    await audit.record({
      actorAccountId: w.first.accountId,
      actorOrgId: w.first.orgId,
      action: 'access.refused.repeated',
      recordType: w.first.recordType,
      ip: w.first.ip,
      details: {
        reason: w.first.reason,
        count: w.repeated,
        from: new Date(w.start).toISOString(),
        to: new Date(w.lastAt).toISOString(),
        ids: [...w.ids].join(','),
      },
    });
  };

  async function flush(all = false): Promise<void> {
    const now = clock().getTime();
    for (const [key, w] of windows)
      if (all || now - w.start >= WINDOW_MS) {
        windows.delete(key);
        await summarise(w);
      }
  }

  async function refused(r: Refusal): Promise<void> {
    const key = `${r.accountId}|${r.orgId ?? ''}|${r.reason}`;
    const now = clock().getTime();
    const open = windows.get(key);
    if (open && now - open.start < WINDOW_MS) {
      open.repeated += 1;
      open.lastAt = now;
      if (r.recordId && open.ids.size < SAMPLE_IDS) open.ids.add(r.recordId);
      return;
    }
    if (open) {
      windows.delete(key);
      await summarise(open);
    }
    if (windows.size >= MAX_KEYS) await flush(true);
    windows.set(key, { start: now, first: r, repeated: 0, lastAt: now, ids: new Set() });
    await audit.record({
      actorAccountId: r.accountId,
      actorOrgId: r.orgId,
      action: 'access.refused',
      recordType: r.recordType,
      recordId: r.recordId,
      ip: r.ip,
      details: { reason: r.reason, method: r.method, route: r.route },
    });
  }

  return { refused, flush };
}

function refusalOf(request: FastifyRequest, error: unknown): Refusal | null {
  if (!(error instanceof AppError) || !REFUSALS.has(error.code)) return null;
  const session = request.auth?.session;
  if (!session) return null;
  const route = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
  const segment = route.split('/')[2] ?? 'unknown';
  const params = (request.params ?? {}) as Record<string, unknown>;
  const id = [params.id, ...Object.values(params)].find((v): v is string => typeof v === 'string' && UUID.test(v));
  return {
    accountId: session.account_id,
    orgId: session.active_org_id ?? null,
    reason: error.code,
    method: request.method,
    route,
    recordType: recordTypeOfSegment[segment] ?? segment,
    recordId: id ?? null,
    ip: request.ip ?? null,
  };
}

const recorders = new WeakMap<FastifyInstance, RefusalRecorder>();

/** The app's recorder (tests flush it to see the summaries without waiting a minute). */
export function refusalRecorderOf(app: FastifyInstance): RefusalRecorder | undefined {
  return recorders.get(app);
}

export function installRefusalAudit(app: FastifyInstance, audit: AuditWriter, clock: () => Date): void {
  const recorder = createRefusalRecorder(audit, clock);
  recorders.set(app, recorder);
  app.addHook('onError', async (request, _reply, error) => {
    const refusal = refusalOf(request, error);
    // An audit failure must not turn a refusal into a 500: the refusal stands either way.
    if (refusal) await recorder.refused(refusal).catch((e: unknown) => request.log.error({ err: e }, 'refusal audit'));
  });
  const timer = setInterval(() => {
    recorder.flush().catch((e: unknown) => app.log.error({ err: e }, 'refusal audit flush'));
  }, WINDOW_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await recorder.flush(true).catch((e: unknown) => app.log.error({ err: e }, 'refusal audit flush'));
  });
}
