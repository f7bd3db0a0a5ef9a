// The editor's preview: the guide parsed with the portal's own Markdown subset (@acompana/core)
// and rendered as React elements, so every piece of text is a text node (no innerHTML).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseGuide } from '../../../../../../packages/core/src/portal/markdown.ts';
import type { Block, Inline } from '../../../../../../packages/core/src/portal/markdown.ts';
import { previewImageSrc } from './portal-api';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (typeof node === 'string') return node;
    if ('strong' in node) return <strong key={i}>{inline(node.strong)}</strong>;
    return (
      <a
        key={i}
        href={node.href}
        rel="noopener noreferrer"
        target={node.href.startsWith('https:') ? '_blank' : undefined}
      >
        {inline(node.text)}
      </a>
    );
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.type) {
    case 'ul':
      return (
        <ul key={i}>
          {b.items.map((item, j) => (
            <li key={j}>{inline(item)}</li>
          ))}
        </ul>
      );
    case 'ol':
      return (
        <ol key={i}>
          {b.items.map((item, j) => (
            <li key={j}>{inline(item)}</li>
          ))}
        </ol>
      );
    case 'img':
      return (
        <p key={i}>
          <img src={previewImageSrc(b.src)} alt={b.alt} className="guide-preview__image" />
        </p>
      );
    case 'note':
      return (
        <p key={i} className="guide-preview__note">
          {inline(b.content)}
        </p>
      );
    case 'h2':
      return <h3 key={i}>{inline(b.content)}</h3>;
    case 'h3':
      return <h4 key={i}>{inline(b.content)}</h4>;
    default:
      return <p key={i}>{inline(b.content)}</p>;
  }
}

export function GuidePreview({ markdown, lang, slug }: { markdown: string; lang: string; slug: string }) {
  const { t } = useTranslation();
  let parsed: ReturnType<typeof parseGuide>;
  try {
    parsed = parseGuide(markdown, lang, slug);
  } catch (error) {
    return (
      <p className="guide-preview__problem">
        {t('portal.editor.previewProblem', { problem: error instanceof Error ? error.message : '' })}
      </p>
    );
  }
  const { meta } = parsed;
  // Headings sit one level below the editor page's own: h2 for the title.
  return (
    <div className="guide-preview" lang={lang}>
      <h2>{meta.title}</h2>
      <p className="guide-preview__summary">{meta.summary}</p>
      <p className="guide-preview__meta">{t('portal.editor.previewReviewed', { date: meta.lastReviewed })}</p>
      {parsed.blocks.map(block)}
      <h3>{t('portal.editor.previewSources')}</h3>
      <ul>
        {meta.sources.map((source, i) => (
          <li key={i}>
            {source.url ? (
              <a href={source.url} rel="noopener noreferrer" target="_blank">
                {source.label}
              </a>
            ) : (
              source.label
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
