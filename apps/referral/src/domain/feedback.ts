import { isSignedIn, type Viewer } from '@portal/auth';
import { badInput } from '@portal/errors';
import type { SubmitFeedbackInput } from './referral-input';

export type FeedbackRoute = 'FORUM' | 'HOTLINE';

export interface FeedbackPlan {
  /** With a hotline category the feedback is off-topic and goes to 1022; otherwise to the forum. */
  route: FeedbackRoute;
  /** Where to answer: the address given, else the signed-in person's own; never shown publicly. */
  contactEmail: string | null;
  author: { id: string; displayName: string } | null;
}

/** Anyone may give feedback, but someone who is not signed in must leave a contact e-mail. */
export function planFeedback(viewer: Viewer, input: SubmitFeedbackInput): FeedbackPlan {
  const signedIn = isSignedIn(viewer);
  if (!signedIn && !input.contactEmail)
    throw badInput('input.contactEmail', 'is required when not signed in');
  return {
    route: input.categoryCode ? 'HOTLINE' : 'FORUM',
    contactEmail: input.contactEmail ?? viewer.email,
    author: signedIn ? { id: viewer.id!, displayName: viewer.displayName ?? 'Người dân' } : null,
  };
}
