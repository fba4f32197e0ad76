export * from './common';
export * from './channels';
export * from './answers';
export * from './answerStatus';
export * from './playbooks';
export * from './people';
export * from './incidents';
export * from './roles';
