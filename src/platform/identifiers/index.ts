export * from './certificate-no.ts';
export * from './date.ts';
export * from './phone.ts';
export * from './region-code.ts';
export * from './resident-id.ts';
export * from './uscc.ts';
export * from './violation.ts';
