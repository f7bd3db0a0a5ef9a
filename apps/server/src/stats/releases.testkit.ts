// Test helpers of the releases tests: an incident recorded through the API, as staff do.
import assert from 'node:assert/strict';
import type { ApiClient } from '../testing/test-harness.ts';

export async function recordIncident(
  doc: ApiClient,
  input: { date: string; state: string; acts: [string, string, number][]; confidentiality?: string },
): Promise<string> {
  const created = await doc.post('/api/incidents', {
    title: 'Evento de prueba',
    start: { date: input.date, precision: 'day' },
    place: { country: 'MX', stateCode: input.state },
    ...(input.confidentiality ? { confidentiality: input.confidentiality } : {}),
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = (created.json() as { id: string }).id;
  const victims = (
    await doc.post(`/api/incidents/${id}/victims`, { count: 1, sex: 'F', ageGroup: '18-29' })
  ).json() as {
    victims: { id: string }[];
  };
  for (const [type, institution, n] of input.acts) {
    const p = (await doc.post(`/api/incidents/${id}/perpetrators`, { institution })).json() as {
      perpetrators: { id: string; institution: string }[];
    };
    const perpetratorId = p.perpetrators.find((x) => x.institution === institution)!.id;
    for (let i = 0; i < n; i++) {
      const r = await doc.post(`/api/incidents/${id}/acts`, {
        type,
        victimIds: [victims.victims[0]!.id],
        perpetratorIds: [perpetratorId],
      });
      assert.equal(r.statusCode, 201, r.body);
    }
  }
  return id;
}
