// The portal's Markdown subset lives in @acompana/core (pure, shared with the server, which parses
// guides edited in the staff app the same way); the web build imports it from there.
export * from '../../../../packages/core/src/portal/markdown.ts';
