// The guides shipped with the web app (apps/web/src/portal/content/<lang>/<slug>.md) are the
// portal's initial content: on start-up every guide and language that has no version yet gets the
// shipped file as its published version 1 (translations made from Spanish version 1). Running it
// again changes nothing; a guide added to a later release is imported on the next start, and an
// editor's versions are never overwritten by a shipped file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PORTAL_LANGUAGES, PORTAL_SOURCE_LANG } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import * as q from './portal.queries.ts';
import { parseOrReject } from './portal.service.ts';

export const shippedContentDir = fileURLToPath(new URL('../../../web/src/portal/content/', import.meta.url));

export async function importShippedGuides(
  deps: { db: Database; audit: AuditWriter; clock: () => Date },
  dir: string = shippedContentDir,
): Promise<number> {
  if (!existsSync(join(dir, PORTAL_SOURCE_LANG))) return 0;
  const slugs = readdirSync(join(dir, PORTAL_SOURCE_LANG))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''))
    .sort();
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const done = new Set(
      (
        await tx.query<{ key: string }>("SELECT DISTINCT slug || '/' || lang AS key FROM portal_guide_versions")
      ).rows.map((r) => r.key),
    );
    let imported = 0;
    for (const slug of slugs) {
      await q.insertGuide(tx, slug, null, at);
      // Spanish first: translations are made from its version 1.
      for (const lang of PORTAL_LANGUAGES) {
        const file = join(dir, lang, `${slug}.md`);
        if (done.has(`${slug}/${lang}`) || !existsSync(file)) continue;
        const markdown = readFileSync(file, 'utf8');
        const { meta } = parseOrReject(markdown, lang, slug);
        await q.insertVersion(tx, {
          slug,
          lang,
          markdown,
          title: meta.title,
          summary: meta.summary,
          sources: meta.sources,
          lastReviewed: meta.lastReviewed,
          status: 'published',
          sourceVersion: lang === PORTAL_SOURCE_LANG ? null : 1,
          authorAccountId: null,
          authorOrgId: null,
          at,
        });
        imported += 1;
      }
    }
    if (imported > 0)
      await deps.audit.append(tx, {
        action: 'portal.import',
        recordType: 'portal_content',
        details: { versions: imported },
      });
    return imported;
  });
}
