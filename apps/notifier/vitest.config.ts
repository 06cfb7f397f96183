import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('notifier', import.meta.dirname, { services: true });
