// Issue 6, what the per-report screens lacked: the organisation's review queue (best score first,
// by cursor, by status, only reports the reader may read), photos on reports and found records
// (sniffed, encrypted, audited, removable, beside the report in the review), and tracing lists
// by cursor.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64, 7),
  Buffer.from([0xff, 0xd9]),
]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 3)]);

interface QueueItem {
  id: string;
  reportId: string;
  reportGivenNames?: string;
  score: number;
  reviewStatus: string;
  partner: boolean;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Photo {
  id: string;
  contentType: string;
  sizeBytes: number;
}

describeOnBothDatabases('review queue, photos and tracing pages', (h) => {
  let coord: ApiClient;
  let stranger: ApiClient;
  let shelter: ApiClient;
  let shelterOrg: string;
  const reportIds: string[] = [];

  const upload = (c: ApiClient, url: string, bytes: Buffer, type: string) =>
    c.request({ method: 'POST', url, payload: bytes, headers: { 'content-type': type } });
  const queue = async (c: ApiClient, query: string) => {
    const r = await c.get(`/api/missing/candidates?${query}`);
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as Page<QueueItem>;
  };

  it('sets up a committee whose people match three of its reports, a stranger and a tracing partner', async () => {
    await h().createAccount({ org: 'comite', email: 'coord@comite.example', role: 'coordinator' });
    await h().createAccount({ org: 'otra', email: 'coord@otra.example', role: 'coordinator' });
    await h().createAccount({ org: 'albergue', email: 'coord@albergue.example', role: 'coordinator' });
    coord = await h().login('coord@comite.example');
    stranger = await h().login('coord@otra.example');
    shelter = await h().login('coord@albergue.example');
    const [comite, albergue] = [await h().createOrg('comite'), await h().createOrg('albergue')];
    shelterOrg = albergue;
    await h().ctx.db.query(
      "INSERT INTO sharing_agreements (from_org_id, to_org_id, purposes) VALUES ($1, $2, ARRAY['tracing'])",
      [albergue, comite],
    );
    const people = [
      { givenNames: 'Kebin', surnames: 'Alvarenga Fuentes', sex: 'M', birthDate: '2001-03-14' },
      { givenNames: 'Guadalupe', surnames: 'Mejía Torres', sex: 'F', birthDate: '1995-11-02' },
      { givenNames: 'Jesús', surnames: 'Pineda Ortiz', sex: 'M', birthDate: '1988-06-20' },
    ];
    for (const p of people) assert.equal((await coord.post('/api/people', p)).statusCode, 201);
    const reports = [
      { givenNames: 'Kevin', surnames: 'Alvarenga Fuentes', sex: 'M', birthDate: '2001-03-14' },
      { givenNames: 'Lupe', surnames: 'Mejía', sex: 'F', birthDate: '1995' },
      { givenNames: 'Chuy', surnames: 'Pineda Ortiz', sex: 'M', birthDate: '1988-06-20' },
    ];
    for (const r of reports) {
      const created = await coord.post('/api/missing/reports', {
        ...r,
        traceConsent: { givenBy: 'Rosa Prueba', method: 'signed', date: '2025-05-01' },
      });
      assert.equal(created.statusCode, 201, created.body);
      reportIds.push((created.json() as { id: string }).id);
    }
  });

  it('lists pending candidates of every report, best score first, page by page without gaps or repeats', async () => {
    const all = await queue(coord, 'limit=100');
    assert.ok(all.items.length >= 3, `at least one candidate per report, got ${all.items.length}`);
    assert.deepEqual(new Set(all.items.map((i) => i.reportId)), new Set(reportIds));
    assert.ok(all.items.every((i) => i.reviewStatus === 'pending' && !i.partner));
    const scores = all.items.map((i) => i.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      'best score first',
    );
    assert.ok(
      all.items.some((i) => i.reportGivenNames === 'Kevin'),
      'the report is named',
    );
    assert.equal(all.nextCursor, null);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<QueueItem> = await queue(
        coord,
        `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.items.map((i) => i.id),
    );

    const bad = await coord.get('/api/missing/candidates?cursor=bm90LWEtY3Vyc29y');
    assert.deepEqual([bad.statusCode, (bad.json() as { field?: string }).field], [400, 'cursor']);
    assert.deepEqual((await queue(stranger, 'limit=100')).items, [], "another organisation's queue is its own");
  });

  it('opens one candidate side by side, filters by status after a decision, and hides it from other organisations', async () => {
    const [top] = (await queue(coord, 'limit=1')).items;
    assert.ok(top);
    const one = await coord.get(`/api/missing/candidates/${top.id}`);
    assert.equal(one.statusCode, 200, one.body);
    const body = one.json() as {
      id: string;
      report: { id: string };
      candidate: { kind: string } | null;
      reportPhotos: Photo[];
    };
    assert.equal(body.report.id, top.reportId);
    assert.ok(body.candidate);
    assert.deepEqual(body.reportPhotos, []);
    assert.equal((await stranger.get(`/api/missing/candidates/${top.id}`)).statusCode, 404);

    assert.equal(
      (await coord.post(`/api/missing/candidates/${top.id}/review`, { decision: 'confirmed' })).statusCode,
      200,
    );
    assert.ok(!(await queue(coord, 'limit=100')).items.some((i) => i.id === top.id), 'no longer pending');
    assert.deepEqual(
      (await queue(coord, 'status=confirmed')).items.map((i) => i.id),
      [top.id],
    );
    const { rows } = await h().ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action IN ('missing_report.queue_read', 'missing_report.candidates_read')",
    );
    assert.deepEqual(
      new Set(rows.map((r) => r.action)),
      new Set(['missing_report.queue_read', 'missing_report.candidates_read']),
    );
  });

  it('stores photos of a report encrypted, lists them on the report and beside it in the review, serves and removes them', async () => {
    const reportId = reportIds[0] ?? '';
    const first = await upload(coord, `/api/missing/reports/${reportId}/photos`, jpeg, 'image/jpeg');
    assert.equal(first.statusCode, 201, first.body);
    const second = await upload(coord, `/api/missing/reports/${reportId}/photos`, png, 'image/png');
    assert.equal(second.statusCode, 201, second.body);
    const [a, b] = [first.json() as Photo, second.json() as Photo];
    assert.deepEqual([a.contentType, a.sizeBytes, b.contentType], ['image/jpeg', jpeg.length, 'image/png']);

    const report = (await coord.get(`/api/missing/reports/${reportId}`)).json() as { photos: Photo[] };
    assert.deepEqual(
      report.photos.map((p) => p.id),
      [a.id, b.id],
    );
    const served = await coord.get(`/api/missing/photos/${a.id}`);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/jpeg');
    assert.equal(served.headers['cache-control'], 'no-store');
    assert.ok(served.rawPayload.equals(jpeg), 'the bytes come back unchanged');
    const { rows: stored } = await h().ctx.db.query<{ content: Buffer | Uint8Array }>(
      'SELECT content FROM missing_photos WHERE id = $1',
      [a.id],
    );
    const ciphertext = Buffer.from(stored[0]?.content ?? []);
    assert.ok(
      !ciphertext.includes(jpeg.subarray(6, 40)) &&
        !ciphertext.toString().includes(jpeg.toString('base64').slice(0, 20)),
      'stored encrypted',
    );

    const candidates = (await coord.get(`/api/missing/reports/${reportId}/candidates`)).json() as {
      items: { reportPhotos: Photo[] }[];
    };
    assert.deepEqual(
      candidates.items[0]?.reportPhotos.map((p) => p.id),
      [a.id, b.id],
      'beside the report in the review',
    );

    assert.equal((await stranger.get(`/api/missing/photos/${a.id}`)).statusCode, 404);
    assert.equal((await stranger.request({ method: 'DELETE', url: `/api/missing/photos/${a.id}` })).statusCode, 404);
    assert.equal(
      (await upload(stranger, `/api/missing/reports/${reportId}/photos`, jpeg, 'image/jpeg')).statusCode,
      404,
    );

    const removed = await coord.request({ method: 'DELETE', url: `/api/missing/photos/${a.id}` });
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal((await coord.get(`/api/missing/photos/${a.id}`)).statusCode, 404);
    const { rows } = await h().ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action LIKE 'missing_report.photo_%' ORDER BY seq",
    );
    assert.deepEqual(
      rows.map((r) => r.action),
      [
        'missing_report.photo_upload',
        'missing_report.photo_upload',
        'missing_report.photo_read',
        'missing_report.photo_delete',
      ],
    );
  });

  it('refuses what is not a JPEG, PNG or WebP image, an empty body, and more photos than the limit', async () => {
    const reportId = reportIds[1] ?? '';
    const url = `/api/missing/reports/${reportId}/photos`;
    const text = await upload(coord, url, Buffer.from('no es una imagen'), 'image/jpeg');
    assert.deepEqual([text.statusCode, (text.json() as { code: string }).code], [415, 'people.photo_unsupported_type']);
    const lying = await upload(coord, url, png, 'image/jpeg');
    assert.deepEqual(
      [lying.statusCode, (lying.json() as { code: string }).code],
      [415, 'people.photo_unsupported_type'],
      'the claimed type must agree with the content',
    );
    const empty = await upload(coord, url, Buffer.alloc(0), 'image/jpeg');
    assert.ok([400, 415].includes(empty.statusCode), empty.body);
    for (let i = 0; i < 12; i += 1) assert.equal((await upload(coord, url, jpeg, 'image/jpeg')).statusCode, 201);
    const over = await upload(coord, url, jpeg, 'image/jpeg');
    assert.deepEqual([over.statusCode, (over.json() as { code: string }).code], [409, 'missing.too_many_photos']);
  });

  it('takes photos on a found record and shows them beside a found-record candidate', async () => {
    const created = await coord.post('/api/missing/found', {
      kind: 'unidentified_remains',
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      sex: 'M',
      ageMin: 20,
      ageMax: 30,
      foundOn: '2025-01-10',
    });
    assert.equal(created.statusCode, 201, created.body);
    const foundId = (created.json() as { id: string }).id;
    const photo = await upload(coord, `/api/missing/found/${foundId}/photos`, jpeg, 'image/jpeg');
    assert.equal(photo.statusCode, 201, photo.body);
    const found = (await coord.get(`/api/missing/found/${foundId}`)).json() as { photos: Photo[] };
    assert.deepEqual(
      found.photos.map((p) => p.id),
      [(photo.json() as Photo).id],
    );
    const items = (
      (await coord.get(`/api/missing/reports/${reportIds[0]}/candidates`)).json() as {
        items: { candidateId: string; candidatePhotos: Photo[] }[];
      }
    ).items;
    const remains = items.find((i) => i.candidateId === foundId);
    assert.ok(remains, 'the remains were proposed for the report');
    assert.deepEqual(
      remains.candidatePhotos.map((p) => p.id),
      [(photo.json() as Photo).id],
    );
    assert.equal(
      (await coord.request({ method: 'DELETE', url: `/api/missing/photos/${(photo.json() as Photo).id}` })).statusCode,
      204,
    );
  });

  it('pages tracing requests newest first by cursor, in the outbox and the inbox', async () => {
    for (const reportId of reportIds)
      assert.equal((await coord.post('/api/missing/tracing', { reportId, toOrgId: shelterOrg })).statusCode, 201);
    for (const [client, direction] of [
      [coord, 'outgoing'],
      [shelter, 'incoming'],
    ] as const) {
      const all = (await client.get(`/api/missing/tracing?direction=${direction}&limit=100`)).json() as Page<{
        id: string;
        reportId: string | null;
        createdAt: string;
      }>;
      assert.equal(all.items.length, 3);
      assert.equal(all.nextCursor, null);
      const first = (await client.get(`/api/missing/tracing?direction=${direction}&limit=2`)).json() as Page<{
        id: string;
      }>;
      assert.equal(first.items.length, 2);
      assert.ok(first.nextCursor);
      const second = (
        await client.get(
          `/api/missing/tracing?direction=${direction}&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
        )
      ).json() as Page<{ id: string }>;
      assert.deepEqual(
        [...first.items, ...second.items].map((i) => i.id),
        all.items.map((i) => i.id),
      );
      assert.equal(second.nextCursor, null);
    }
    const bad = await coord.get('/api/missing/tracing?direction=outgoing&cursor=xyz');
    assert.equal(bad.statusCode, 400);
  });
});
