import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('bulletin', import.meta.dirname, { services: true });
