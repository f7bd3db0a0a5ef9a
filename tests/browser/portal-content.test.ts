// The portal's guides and directory, checked without a browser: every guide in every language
// parses, cites sources and has a review date; unreviewed translations say so; the Markdown subset
// keeps unsafe links and HTML as plain text; the directory is marked synthetic.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseGuide, parseInline } from '../../apps/web/src/portal/markdown.ts';
import { LANGUAGES, MESSAGES } from '../../apps/web/src/portal/i18n.ts';
import { flattenDirectory, type HsdsDirectory } from '../../apps/web/src/portal/services.ts';
import { repoRoot } from './browser-kit.ts';

const portal = `${repoRoot}apps/web/src/portal`;

describe('portal content', () => {
  it('has the same guides in every language, each with sources and a review date', () => {
    const slugs = readdirSync(`${portal}/content/es`).sort();
    assert.ok(slugs.length >= 3);
    for (const lang of LANGUAGES) {
      assert.deepEqual(readdirSync(`${portal}/content/${lang}`).sort(), slugs, lang);
      for (const file of slugs) {
        const guide = parseGuide(
          readFileSync(`${portal}/content/${lang}/${file}`, 'utf8'),
          lang,
          file.replace(/\.md$/, ''),
        );
        assert.ok(guide.meta.sources.length > 0 && guide.blocks.length > 3, `${lang}/${file}`);
        assert.match(guide.meta.lastReviewed, /^\d{4}-\d{2}-\d{2}$/);
        const expected = lang === 'es' || lang === 'en' ? 'reviewed' : 'machine-draft';
        assert.equal(guide.meta.translationStatus, expected, `${lang}/${file}`);
      }
    }
  });

  it('cites the asylum law articles for the 30 working days and late applications', () => {
    for (const lang of ['es', 'en'] as const) {
      const { meta } = parseGuide(
        readFileSync(`${portal}/content/${lang}/asylum-mexico.md`, 'utf8'),
        lang,
        'asylum-mexico',
      );
      const cited = meta.sources.map((source) => source.label).join('\n');
      assert.match(cited, /art\. 18/);
      assert.match(cited, /art\. 19/);
    }
  });

  it('keeps HTML and unsafe links as text', () => {
    assert.deepEqual(parseInline('<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org/a)'), [
      '<script>alert(1)</script> ',
      'x',
      ') ',
      { href: 'https://example.org/a', text: ['ok'] },
    ]);
    assert.throws(
      () => parseGuide('---\ntitle: T\nsummary: S\nlastReviewed: 2026-01-01\n---\nText', 'es', 'x'),
      /sources/,
    );
  });

  it('has every interface text in every language', () => {
    const keys = Object.keys(MESSAGES.es).sort();
    for (const lang of LANGUAGES) {
      assert.deepEqual(Object.keys(MESSAGES[lang]).sort(), keys, lang);
      assert.equal(MESSAGES[lang].days.split(',').length, 7, lang);
    }
  });

  it('ships a synthetic HSDS directory with hours, phones and coordinates for each service', () => {
    const directory = JSON.parse(readFileSync(`${portal}/data/services.json`, 'utf8')) as HsdsDirectory;
    assert.equal(directory.meta.synthetic, true);
    const entries = flattenDirectory(directory);
    assert.equal(entries.length, directory.services.length);
    for (const entry of entries) {
      assert.match(entry.name, /ejemplo/i);
      assert.ok(entry.phones.length > 0 && entry.week.some((day) => day.length > 0), entry.name);
      assert.ok(Math.abs(entry.latitude) > 0 && Math.abs(entry.longitude) > 0, entry.name);
    }
    for (const need of ['shelter', 'legal', 'asylum', 'migration', 'consulate'])
      assert.ok(
        entries.some((entry) => entry.need === need),
        need,
      );
  });
});
