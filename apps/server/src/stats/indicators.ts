// The indicator definitions live in @acompana/core (packages/core/src/indicators). Until the core
// barrel exports them, the stats module imports them through this one file.
export * from '../../../../packages/core/src/indicators/index.ts';
