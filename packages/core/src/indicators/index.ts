// Indicators: defined once, as data (issue 10, decision 0111).
export * from './indicators.ts';
export * from './indicator-labels.ts';
export * from './care-indicators.ts';
export * from './region-tiles.ts';
export * from './central-america.ts';
