export { nodeConfig as default } from '@learningpt/eslint-config';
