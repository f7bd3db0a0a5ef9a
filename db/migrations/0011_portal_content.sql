-- Portal content edited in the staff app (issue 9, item 1). See docs/decisions/0117-portal-content-editing.md.
--
-- A guide (slug) has versions per language. A version is immutable once written: its Markdown
-- source (front matter + body, the same format as the files shipped in
-- apps/web/src/portal/content/<lang>/<slug>.md), the fields parsed from it, who wrote it and when.
-- Publishing a version only sets status and published_at; what the public portal shows for a
-- language is the newest published version. A translation records the published Spanish version
-- it was made from (source_version): it is out of date when Spanish has a newer published version.
-- Images are uploaded with a guide (PNG, JPEG, WebP, sniffed by content) and served publicly only
-- once a published version of the guide refers to them. Public content: nothing here is encrypted.

CREATE TABLE portal_guides (
  slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE portal_guide_versions (
  slug text NOT NULL REFERENCES portal_guides (slug),
  lang text NOT NULL CHECK (lang IN ('es', 'en', 'fr', 'pt', 'ht')),
  version integer NOT NULL CHECK (version > 0),
  markdown text NOT NULL CHECK (length(markdown) BETWEEN 1 AND 60000),
  title text NOT NULL,
  summary text NOT NULL,
  sources jsonb NOT NULL,
  last_reviewed date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  source_version integer CHECK (source_version > 0),
  author_account_id uuid REFERENCES accounts (id),
  author_org_id uuid REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  PRIMARY KEY (slug, lang, version),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX portal_guide_versions_published ON portal_guide_versions (lang, slug, version) WHERE status = 'published';

CREATE TABLE portal_images (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL REFERENCES portal_guides (slug),
  content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  size integer NOT NULL CHECK (size > 0),
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  uploaded_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_images_slug ON portal_images (slug);
