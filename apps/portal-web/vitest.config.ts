import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('portal-web', import.meta.dirname);
