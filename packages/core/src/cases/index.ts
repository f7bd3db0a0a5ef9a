export * from './case-tasks.ts';
export * from './case.schemas.ts';
