// Guides: their front matter is bundled with the first view (titles for the home page); each
// guide's body is its own small chunk, loaded when opened and precached by the service worker.
import type { Block, Guide, GuideMeta, Inline } from './markdown';
import type { Lang } from './i18n';
import { h } from './dom';

const metas = import.meta.glob<GuideMeta>('./content/*/*.md', { query: '?meta', import: 'default', eager: true });
const bodies = import.meta.glob<Guide>('./content/*/*.md', { import: 'default' });

const pathOf = (lang: string, slug: string): string => `./content/${lang}/${slug}.md`;

export function guidesIn(lang: Lang): GuideMeta[] {
  return Object.values(metas)
    .filter((meta) => meta.lang === lang)
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

export function loadGuide(lang: Lang, slug: string): Promise<Guide> | null {
  const load = bodies[pathOf(lang, slug)];
  return load ? load() : null;
}

function inline(nodes: Inline[]): (Node | string)[] {
  return nodes.map((node) => {
    if (typeof node === 'string') return node;
    if ('strong' in node) return h('strong', {}, inline(node.strong));
    return h(
      'a',
      { href: node.href, ...(node.href.startsWith('https:') ? { rel: 'noopener noreferrer' } : {}) },
      inline(node.text),
    );
  });
}

export function renderBlocks(blocks: Block[]): HTMLElement[] {
  return blocks.map((block) => {
    switch (block.type) {
      case 'ul':
      case 'ol':
        return h(
          block.type,
          {},
          block.items.map((item) => h('li', {}, inline(item))),
        );
      case 'note':
        return h('p', { className: 'note' }, inline(block.content));
      case 'img':
        return h(
          'p',
          { className: 'figure' },
          h('img', { src: block.src, alt: block.alt, loading: 'lazy', decoding: 'async' }),
        );
      default:
        return h(block.type, {}, inline(block.content));
    }
  });
}
