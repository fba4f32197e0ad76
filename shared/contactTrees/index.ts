/** Contact trees: who calls whom, resolved against the directory, and how a call tree runs. */
export * from './structure';
export * from './hours';
export * from './resolve';
export * from './warnings';
export * from './run';
export * from './progress';
export * from './activation';
export * from './summary';
