import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('gateway', import.meta.dirname, { services: true });
