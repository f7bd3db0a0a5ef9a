// Incidents module: the controlled vocabularies (violation types, perpetrator institutions) and
// the payload schemas shared by the server and the web app.
export * from './violation-types.ts';
export * from './institutions.ts';
export * from './incident.schemas.ts';
export * from './incident-measures.schemas.ts';
export * from './incident-more.schemas.ts';
export * from './link-request.schemas.ts';
