import { defineAppConfig } from '@learningpt/vite-config';

export default defineAppConfig({ portEnv: 'ADMIN_PORT', defaultPort: 5174 });
