export * from './markdown.ts';
export * from './portal-content.schemas.ts';
