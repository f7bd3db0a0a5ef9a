// The missing-person payloads of @acompana/core, by relative path until packages/core/src/index.ts
// re-exports them (then this file becomes `export * from '@acompana/core'` or goes away).
export * from '../../../../packages/core/src/missing/index.ts';
