import { defineAppConfig } from '@learningpt/vite-config';

export default defineAppConfig({ portEnv: 'WEB_PORT', defaultPort: 5173 });
