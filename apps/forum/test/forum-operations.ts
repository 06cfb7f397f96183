// The contract's operations as the forum alone serves them (no vitest: the benches use it too).
import { contractOperation } from '@portal/local-services';

/** ForumThread without `referral`, which the referral subgraph contributes. */
export const FORUM_THREAD = contractOperation('ForumThread').replace(/referral\s*\{[^}]*\}/, '');
