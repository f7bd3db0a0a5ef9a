export * from './auth.schemas.ts';
export * from './staff-app.schemas.ts';
