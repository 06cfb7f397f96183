import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('db', import.meta.dirname, { services: true });
