export * from './auth.schemas.ts';
export * from './account.schemas.ts';
export * from './staff-app.schemas.ts';
export * from './sharing.schemas.ts';
export * from './integers.ts';
export * from './audit.schemas.ts';
export * from './federation.schemas.ts';
