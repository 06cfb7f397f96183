import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('graphql-kit', import.meta.dirname);
