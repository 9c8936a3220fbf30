export { browserConfig as default } from '@learningpt/eslint-config';
