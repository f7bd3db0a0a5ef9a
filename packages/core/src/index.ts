// Public surface of @acompana/core: pure domain logic with no I/O.
export * from './matching/index.ts';
export * from './deadlines/index.ts';
export * from './policy/index.ts';
export * from './api/index.ts';
export * from './people/index.ts';
export * from './procedures/index.ts';
export * from './statistics/index.ts';
export * from './screening/index.ts';
export * from './incidents/index.ts';
export * from './missing/index.ts';
export { seededRandom } from './util/seeded-random.ts';
export * from './directory/index.ts';
export * from './indicators/index.ts';
export * from './cases/index.ts';
export * from './portal/index.ts';
export * from './reintegration/index.ts';
export * from './pprl/index.ts';
export * from './places/index.ts';
