// The people module's own sections of a person's export (decision 0118): the differentiated
// profile and the photo's metadata (the image itself is downloaded from its own route). Their
// erasure is erasePerson's (people.queries.ts); these handlers only count what it removes.
import { registerPersonDataHandler } from './person-data-registry.ts';
import { readProfile } from './profile.service.ts';
import { photoInfo } from './photo.service.ts';

registerPersonDataHandler({
  section: 'profile',
  async exportFor({ db, keyring }, _orgId, personId) {
    return (await readProfile(db, keyring, personId)) ?? null;
  },
  async eraseIn({ tx, personId }) {
    const { rows } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM people WHERE id = $1 AND profile IS NOT NULL',
      [personId],
    );
    return { profile: Number(rows[0]?.n ?? 0) };
  },
});

registerPersonDataHandler({
  section: 'photo',
  async exportFor({ db }, _orgId, personId) {
    return (await photoInfo(db, personId)) ?? null;
  },
  async eraseIn({ tx, personId }) {
    return { photo: (await photoInfo(tx, personId)) ? 1 : 0 };
  },
});
