// Place catalogue: names for the codes records keep.
export * from './places.ts';
export * from './places-sources.ts';
