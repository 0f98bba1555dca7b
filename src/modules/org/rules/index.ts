export * from './agency.ts';
export * from './can-act.ts';
export * from './certificate.ts';
export * from './officer.ts';
export * from './reviewer-qualification.ts';
export * from './reviewer-ratio.ts';
export * from './roles.ts';
