// Directory and referrals module (issue 8): the HSDS 3.0 service shape, the directory's
// staleness rule, and the referral payloads shared by the server and the web app.
export * from './hsds.schemas.ts';
export * from './directory.schemas.ts';
export * from './referral.schemas.ts';
export * from './referral-options.schemas.ts';
