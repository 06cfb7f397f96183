import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('supergraph', import.meta.dirname);
