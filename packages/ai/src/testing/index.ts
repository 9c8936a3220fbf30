export * from './fake-provider';
