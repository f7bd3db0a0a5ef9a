// A full or read-only disk (issue 11, item 1): the embedded database lives on a small RAM disk
// of its own; the disk is filled while people are registered, then remounted read-only. Each
// refused write gets a clear, translated error (507 storage.full, 503 storage.read_only) and no
// 500; reading keeps working; once the disk has room again writing resumes; after a restart every
// acknowledged registration is there and the audit chain verifies — nothing was corrupted.
// Needs permission to mount a tmpfs (root in a container that allows it, as CI machines do);
// elsewhere it is skipped loudly. PostgreSQL's own disk belongs to its server: the same SQLSTATE
// 53100 is mapped by the same code (apps/server/src/kernel/http/storage-errors.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requirement } from '../test-requirements.ts';
import { acompana, httpLogin, startServer, type HttpSession, type RealServer } from './real-server.ts';

const mountPoint = mkdtempSync(join(tmpdir(), 'acompana-small-disk-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=120m', 'tmpfs', mountPoint], { encoding: 'utf8' });
const skip = requirement(
  mounted.status === 0
    ? null
    : `cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || '').trim()}): disk-full test`,
);

const PASSWORD = 'una clave larga de prueba';
const remount = (mode: 'ro' | 'rw') =>
  assert.equal(spawnSync('mount', ['-o', `remount,${mode}`, mountPoint]).status, 0, `remount ${mode}`);

async function register(
  server: RealServer,
  session: HttpSession,
  i: number,
): Promise<{ status: number; body: { id?: string; code?: string; message?: string } }> {
  const response = await fetch(`${server.baseUrl}/api/people`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'accept-language': 'es',
    },
    body: JSON.stringify({ givenNames: `Disco ${i}`, surnames: 'Lleno', notes: `Nota ${i} ${'x'.repeat(15_000)}` }),
  });
  return { status: response.status, body: (await response.json()) as { id?: string; code?: string; message?: string } };
}

describe('a full or read-only disk under the embedded database', { skip, timeout: 240_000 }, () => {
  const env: Record<string, string> = {
    ACOMPANA_DATA_DIR: join(mountPoint, 'data'),
    ACOMPANA_MASTER_KEY: randomBytes(32).toString('hex'),
    ACOMPANA_DEMO: 'false',
  };
  const filler = join(mountPoint, 'filler');

  before(async () => {
    const created = await acompana(
      env,
      'user',
      'create',
      '--org',
      'disco',
      '--email',
      'cw@disco.example',
      '--password',
      PASSWORD,
      '--role',
      'caseworker',
      '--no-2fa',
    );
    assert.equal(created.code, 0, created.stderr);
  });
  after(() => {
    spawnSync('mount', ['-o', 'remount,rw', mountPoint]);
    spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('refuses writes clearly, keeps reading, resumes, and loses nothing acknowledged', async () => {
    const acked: string[] = [];
    const server = await startServer(env);
    let n = 0;
    try {
      const session = await httpLogin(server.baseUrl, 'cw@disco.example', PASSWORD);
      for (let i = 0; i < 3; i++) {
        const r = await register(server, session, n++);
        assert.equal(r.status, 201);
        acked.push(r.body.id as string);
      }

      // Fill the disk, leaving a few pages: registrations soon stop fitting.
      const free = statfsSync(mountPoint);
      writeFileSync(filler, Buffer.alloc(Math.max(0, free.bavail * free.bsize - 150_000)));
      let refused: { status: number; body: { code?: string; message?: string } } | undefined;
      for (let i = 0; i < 60 && !refused; i++) {
        const r = await register(server, session, n++);
        if (r.status === 201) acked.push(r.body.id as string);
        else refused = r;
      }
      assert.ok(refused, 'the full disk refused a registration');
      assert.equal(refused.status, 507, JSON.stringify(refused.body));
      assert.equal(refused.body.code, 'storage.full');
      assert.match(refused.body.message ?? '', /disco del servidor está lleno/);
      const list = await fetch(`${server.baseUrl}/api/people?limit=5`, { headers: { cookie: session.cookie } });
      assert.equal(list.status, 200, 'reading works on a full disk');

      rmSync(filler);
      const resumed = await register(server, session, n++);
      assert.equal(resumed.status, 201, 'writing resumes once there is room');
      acked.push(resumed.body.id as string);
    } finally {
      await server.kill('SIGTERM');
    }

    // A disk that turned read-only (a failing memory card, an operator's mistake): the server
    // refuses to start, saying so, instead of running without being able to save anything.
    remount('ro');
    try {
      await assert.rejects(
        startServer(env, 30_000),
        (error: Error) =>
          /read-only|solo lectura/i.test(error.message) &&
          !/at .*\.ts:\d+/.test(error.message.split('\n').slice(1, 3).join('')),
        'a clear refusal on a read-only disk',
      );
    } finally {
      remount('rw');
    }

    // After a restart on the same disk, everything acknowledged is there and the chain verifies.
    const again = await startServer(env);
    try {
      const session = await httpLogin(again.baseUrl, 'cw@disco.example', PASSWORD);
      for (const id of acked) {
        const r = await fetch(`${again.baseUrl}/api/people/${id}`, { headers: { cookie: session.cookie } });
        assert.equal(r.status, 200, `acknowledged registration ${id} lost`);
      }
      const r = await register(again, session, n++);
      assert.equal(r.status, 201);
    } finally {
      const exit = await again.kill('SIGTERM');
      assert.equal(exit.code, 0, again.output());
    }
    const verified = await acompana(env, 'audit', 'verify');
    assert.equal(verified.code, 0, `audit verify: ${verified.stdout}${verified.stderr}`);
  });
});
