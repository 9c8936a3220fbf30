export * from './chat';
export * from './context';
export * from './limits';
export * from './model-gate';
export * from './sessions';
export * from './generate';
