// A tiny Markdown subset for the portal's guides, parsed at build time (see apps/web/vite.config.ts)
// and by the server for guides edited in the staff app (apps/server/src/portal/) into plain data that the portal turns into DOM nodes with textContent: no HTML string from a guide
// ever reaches innerHTML. Supported: front matter (key: value, and a "sources" list), ## and ###
// headings, paragraphs, "- " and "1. " lists, "> " notes, **strong**, [links](url) and, on a line
// of its own, ![image description](/api/public/portal/images/<id>) for an image uploaded with the
// guide. Links are kept only for https:, tel: and same-site paths; anything else stays as plain
// text. Images are kept only from the portal's own image path.

export type Inline = string | { strong: Inline[] } | { href: string; text: Inline[] };
export type Block =
  | { type: 'h2' | 'h3' | 'p' | 'note'; content: Inline[] }
  | { type: 'ul' | 'ol'; items: Inline[][] }
  | { type: 'img'; src: string; alt: string };

export interface Source {
  label: string;
  url?: string;
}

export interface GuideMeta {
  slug: string;
  lang: string;
  title: string;
  summary: string;
  lastReviewed: string;
  translationStatus: 'reviewed' | 'draft' | 'machine-draft';
  /** "pending" while a statement in the guide still needs a practising lawyer's review. */
  legalReview?: 'pending';
  order: number;
  sources: Source[];
}

export interface Guide {
  meta: GuideMeta;
  blocks: Block[];
}

/** Where the server serves a published guide's images: the only image source a guide may use. */
export const PORTAL_IMAGE_PATH = '/api/public/portal/images/';
const SAFE_IMAGE = /^!\[([^\]]*)\]\((\/api\/public\/portal\/images\/[0-9a-f-]{36})\)$/;
const SAFE_URL = /^(https:\/\/[^\s"'<>]+|tel:\+?[0-9 ]+|\/[a-z0-9/_#-]*)$/i;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  const pattern = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/;
  for (;;) {
    const match = pattern.exec(rest);
    if (!match) break;
    if (match.index > 0) out.push(rest.slice(0, match.index));
    if (match[1] !== undefined) out.push({ strong: parseInline(match[1]) });
    else if (match[2] !== undefined && match[3] !== undefined) {
      if (SAFE_URL.test(match[3])) out.push({ href: match[3], text: parseInline(match[2]) });
      else out.push(match[2]);
    }
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) out.push(rest);
  return out;
}

function parseFrontMatter(lines: string[]): { fields: Record<string, string>; sources: Source[] } {
  const fields: Record<string, string> = {};
  const sources: Source[] = [];
  let inSources = false;
  for (const line of lines) {
    if (inSources && /^\s+- /.test(line)) {
      const [label = '', url] = line
        .replace(/^\s+- /, '')
        .split(' | ')
        .map((part) => part.trim());
      sources.push(url && SAFE_URL.test(url) ? { label, url } : { label });
      continue;
    }
    inSources = false;
    const field = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (!field || field[1] === undefined) continue;
    if (field[1] === 'sources') inSources = true;
    else fields[field[1]] = (field[2] ?? '').replace(/^"(.*)"$/, '$1');
  }
  return { fields, sources };
}

/** Parses one guide. `slug` and `lang` come from the file's path: content/<lang>/<slug>.md. */
export function parseGuide(source: string, lang: string, slug: string): Guide {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let body = lines;
  let front: { fields: Record<string, string>; sources: Source[] } = { fields: {}, sources: [] };
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) throw new Error(`${lang}/${slug}: front matter is not closed`);
    front = parseFrontMatter(lines.slice(1, end));
    body = lines.slice(end + 1);
  }
  const { fields } = front;
  for (const key of ['title', 'summary', 'lastReviewed']) {
    if (!fields[key]) throw new Error(`${lang}/${slug}: front matter needs "${key}"`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.lastReviewed ?? ''))
    throw new Error(`${lang}/${slug}: lastReviewed must be YYYY-MM-DD`);
  if (front.sources.length === 0) throw new Error(`${lang}/${slug}: a guide must cite its sources`);
  const status = fields.translationStatus ?? 'reviewed';
  if (status !== 'reviewed' && status !== 'draft' && status !== 'machine-draft')
    throw new Error(`${lang}/${slug}: unknown translationStatus ${status}`);
  const meta: GuideMeta = {
    slug,
    lang,
    title: fields.title ?? '',
    summary: fields.summary ?? '',
    lastReviewed: fields.lastReviewed ?? '',
    translationStatus: status,
    order: Number(fields.order ?? 99),
    sources: front.sources,
  };
  if (fields.legalReview === 'pending') meta.legalReview = 'pending';
  return { meta, blocks: parseBlocks(body) };
}

export function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { type: 'ul' | 'ol'; items: Inline[][] } | null = null;
  const flush = (): void => {
    if (paragraph.length) blocks.push({ type: 'p', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push(list);
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trim();
    const heading = /^(#{2,3}) (.+)$/.exec(line);
    const bullet = /^- (.+)$/.exec(line);
    const numbered = /^\d+\. (.+)$/.exec(line);
    const image = SAFE_IMAGE.exec(line);
    if (!line) flush();
    else if (image?.[2] !== undefined) {
      flush();
      blocks.push({ type: 'img', src: image[2], alt: image[1] ?? '' });
    } else if (heading?.[1] && heading[2]) {
      flush();
      blocks.push({ type: heading[1] === '##' ? 'h2' : 'h3', content: parseInline(heading[2]) });
    } else if (line.startsWith('> ')) {
      flush();
      blocks.push({ type: 'note', content: parseInline(line.slice(2)) });
    } else if (bullet?.[1] || numbered?.[1]) {
      const type = bullet ? 'ul' : 'ol';
      if (paragraph.length || (list && list.type !== type)) flush();
      list ??= { type, items: [] };
      list.items.push(parseInline((bullet?.[1] ?? numbered?.[1]) as string));
    } else if (list && /^\s{2,}/.test(raw)) {
      const last = list.items[list.items.length - 1];
      last?.push(' ', ...parseInline(line));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
