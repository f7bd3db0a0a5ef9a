export * from './reintegration.schemas.ts';
export * from './family.schemas.ts';
