// The pure rules of case handling: lifecycles, guards, clocks. No database, no HTTP, no clock reads.

export * from './case-file.ts';
export * from './clocks.ts';
export * from './guards.ts';
export * from './machine.ts';
export * from './penalty.ts';
export * from './states.ts';
export * from './step-guards.ts';
export * from './transition.ts';
export * from './types.ts';
export * from './vocabulary.ts';
