// Crash safety of notes and files (issue 11, item 1): while a caseworker writes case notes and
// attaches files and a documentation officer uploads evidence, the real server is killed with
// SIGKILL at a random moment, twice; after a restart every acknowledged note is there with its
// exact text, every acknowledged file downloads with the SHA-256 it was acknowledged with, the
// evidence vault verifies each file, and the audit chain verifies. PGlite and PostgreSQL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresTestDatabaseUrl, testDatabaseKinds } from '../../apps/server/src/testing/test-database.ts';
import { acompana, httpLogin, startServer, type HttpSession, type RealServer } from './real-server.ts';

const kinds = await testDatabaseKinds();
const PASSWORD = 'una clave larga de prueba';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A small valid JPEG (magic bytes, random middle, end marker): the vault checks types by content. */
const jpeg = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    randomBytes(3000),
    Buffer.from([0xff, 0xd9]),
  ]);

async function send(
  server: RealServer,
  session: HttpSession,
  method: string,
  path: string,
  body?: unknown,
  raw?: { bytes: Buffer; type: string; name: string },
): Promise<{ status: number; json: Record<string, unknown>; bytes: Buffer }> {
  const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  let payload: string | Uint8Array | undefined;
  if (raw) {
    Object.assign(headers, { 'content-type': raw.type, 'x-file-name': raw.name });
    payload = new Uint8Array(raw.bytes);
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = /json/.test(response.headers.get('content-type') ?? '')
    ? (JSON.parse(bytes.toString('utf8')) as Record<string, unknown>)
    : {};
  return { status: response.status, json, bytes };
}

describe('crash safety of notes, attachments and evidence', { concurrency: true }, () => {
  for (const kind of kinds) {
    describe(`[${kind}]`, { timeout: 180_000 }, () => {
      const dataDir = mkdtempSync(join(tmpdir(), `acompana-crash-files-${kind}-`));
      const env: Record<string, string> = {
        ACOMPANA_DATA_DIR: dataDir,
        ACOMPANA_MASTER_KEY: randomBytes(32).toString('hex'),
        ACOMPANA_DEMO: 'false',
      };
      let database: { url: string; drop: () => Promise<void> } | undefined;

      before(async () => {
        if (kind === 'postgres') {
          database = await createPostgresTestDatabaseUrl();
          env.DATABASE_URL = database.url;
        }
        for (const [email, role] of [
          ['cw@archivo.example', 'caseworker'],
          ['doc@archivo.example', 'documentation_officer'],
        ]) {
          const created = await acompana(
            env,
            'user',
            'create',
            '--org',
            'casa-archivo',
            '--email',
            email as string,
            '--password',
            PASSWORD,
            '--role',
            role as string,
            '--no-2fa',
          );
          assert.equal(created.code, 0, created.stderr);
        }
      });
      after(async () => {
        await database?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      });

      it('keeps every acknowledged note and file across two SIGKILLs, byte for byte', async (t) => {
        const notes = new Map<string, { caseId: string; text: string }>();
        const attachments = new Map<string, { caseId: string; sha: string }>();
        const evidence = new Map<string, { eventId: string; sha: string }>();
        for (let cycle = 0; cycle < 2; cycle++) {
          const server = await startServer(env);
          const cw = await httpLogin(server.baseUrl, 'cw@archivo.example', PASSWORD);
          const doc = await httpLogin(server.baseUrl, 'doc@archivo.example', PASSWORD);
          const person = await send(server, cw, 'POST', '/api/people', {
            givenNames: `Archivo ${cycle}`,
            surnames: 'Prueba',
          });
          const kase = await send(server, cw, 'POST', '/api/cases', { personId: person.json.id });
          const event = await send(server, doc, 'POST', '/api/incidents', {
            title: `Evento ${cycle}`,
            narrative: 'Sintético.',
            start: { date: '2025-05-18', precision: 'day' },
            place: { country: 'MX', stateCode: '07' },
          });
          assert.deepEqual([person.status, kase.status, event.status], [201, 201, 201]);
          const caseId = kase.json.id as string;
          const eventId = event.json.id as string;
          let stop = false;
          // The kill waits until each kind of write was acknowledged once in this cycle, so that every
          // cycle kills a server that was really writing notes, attachments and evidence.
          let allAcked!: () => void;
          const acknowledged = new Promise<void>((resolve) => (allAcked = resolve));
          const ackedKinds = new Set<number>();
          const guard = async (kindOfWrite: number, write: () => Promise<void>) => {
            while (!stop) {
              try {
                await write();
                ackedKinds.add(kindOfWrite);
                if (ackedKinds.size === 3) allAcked();
              } catch (error) {
                // The killed server drops its connections (fetch fails); an HTTP error answer is a failure.
                if (error instanceof TypeError) return;
                throw error;
              }
            }
          };
          let n = 0;
          const writers = [
            guard(0, async () => {
              const text = `Nota ${cycle}-${n++} ${'ñ'.repeat(100)}`;
              const r = await send(server, cw, 'POST', `/api/cases/${caseId}/notes`, { text });
              assert.equal(r.status, 201, JSON.stringify(r.json));
              notes.set(r.json.id as string, { caseId, text });
            }),
            guard(1, async () => {
              const bytes = jpeg();
              const r = await send(server, cw, 'PUT', `/api/cases/${caseId}/attachments`, undefined, {
                bytes,
                type: 'image/jpeg',
                name: 'acta.jpg',
              });
              assert.equal(r.status, 201, JSON.stringify(r.json));
              attachments.set(r.json.id as string, { caseId, sha: sha256(bytes) });
            }),
            guard(2, async () => {
              const bytes = jpeg();
              const r = await send(server, doc, 'PUT', `/api/incidents/${eventId}/evidence`, undefined, {
                bytes,
                type: 'image/jpeg',
                name: 'foto.jpg',
              });
              assert.equal(r.status, 201, JSON.stringify(r.json));
              assert.equal(r.json.sha256, sha256(bytes));
              evidence.set(r.json.id as string, { eventId, sha: sha256(bytes) });
            }),
          ];
          await Promise.race([acknowledged, Promise.all(writers)]);
          const killAfter = Math.floor(Math.random() * 800);
          await new Promise((resolve) => setTimeout(resolve, killAfter));
          const exit = await server.kill('SIGKILL');
          stop = true;
          await Promise.all(writers);
          assert.equal(exit.signal, 'SIGKILL');
          t.diagnostic(
            `cycle ${cycle}: killed ${killAfter} ms after every kind of write was acknowledged; ${notes.size} notes, ${attachments.size} attachments, ${evidence.size} evidence files acknowledged`,
          );
        }

        const server = await startServer(env);
        try {
          const cw = await httpLogin(server.baseUrl, 'cw@archivo.example', PASSWORD);
          const doc = await httpLogin(server.baseUrl, 'doc@archivo.example', PASSWORD);
          const byCase = new Map<string, Map<string, string>>();
          for (const caseId of new Set([...notes.values()].map((n) => n.caseId))) {
            const list = await send(server, cw, 'GET', `/api/cases/${caseId}/notes`);
            byCase.set(caseId, new Map((list.json.items as { id: string; text: string }[]).map((i) => [i.id, i.text])));
          }
          for (const [id, note] of notes)
            assert.equal(byCase.get(note.caseId)?.get(id), note.text, `acknowledged note ${id} lost or changed`);
          for (const [id, file] of attachments) {
            const r = await send(server, cw, 'GET', `/api/cases/${file.caseId}/attachments/${id}`);
            assert.equal(r.status, 200, `attachment ${id}`);
            assert.equal(sha256(r.bytes), file.sha, `attachment ${id} changed`);
          }
          for (const [id, file] of evidence) {
            const verified = await send(server, doc, 'GET', `/api/incidents/${file.eventId}/evidence/${id}/verify`);
            assert.equal(verified.status, 200, `evidence ${id}: ${JSON.stringify(verified.json)}`);
            const r = await send(server, doc, 'GET', `/api/incidents/${file.eventId}/evidence/${id}`);
            assert.equal(sha256(r.bytes), file.sha, `evidence ${id} changed`);
          }
          t.diagnostic(
            `after restart: ${notes.size} notes, ${attachments.size} attachments and ${evidence.size} evidence files intact`,
          );
        } finally {
          const exit = await server.kill('SIGTERM');
          assert.equal(exit.code, 0, `clean shutdown:\n${server.output()}`);
        }
        const verified = await acompana(env, 'audit', 'verify');
        assert.equal(verified.code, 0, `audit verify: ${verified.stdout}${verified.stderr}`);
      });
    });
  }
});
