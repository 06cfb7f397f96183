import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('referral', import.meta.dirname, { services: true });
