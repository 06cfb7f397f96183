import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('library', import.meta.dirname, { services: true });
