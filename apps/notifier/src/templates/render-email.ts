import type { EmailMessage } from '@portal/queue';
import { bulletinConfirmSubscription } from './bulletin-confirm-subscription.template';
import { bulletinIssuePublished } from './bulletin-issue-published.template';
import {
  engagementEventFollowUp,
  engagementEventRegistration,
  engagementEventReminder,
} from './engagement-event.template';
import { forumOfficialAnswer } from './forum-official-answer.template';
import { layout, type LayoutRecipient, type RenderedEmail, type TemplateBody } from './layout';
import { portalMonthlyReport } from './portal-monthly-report.template';
import { referralClosed } from './referral-closed.template';
import { referralOverdue } from './referral-overdue.template';

type TemplateName = EmailMessage['template'];
type DataOf<T extends TemplateName> = Extract<EmailMessage, { template: T }>['data'];

/** Every template in the payload contract; a template added there fails to compile until it is written here. */
const TEMPLATES: { [T in TemplateName]: (data: DataOf<T>) => TemplateBody } = {
  'bulletin.confirm-subscription': bulletinConfirmSubscription,
  'bulletin.issue-published': bulletinIssuePublished,
  'forum.official-answer': forumOfficialAnswer,
  'referral.closed': referralClosed,
  'referral.overdue': referralOverdue,
  'engagement.event-registration': engagementEventRegistration,
  'engagement.event-reminder': engagementEventReminder,
  'engagement.event-follow-up': engagementEventFollowUp,
  'portal.monthly-report': portalMonthlyReport,
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

/**
 * Subject, HTML and plain text of one message for one recipient. Throws `TemplateError`
 * when the data cannot be rendered safely.
 */
export function renderEmail(
  message: EmailMessage,
  recipient: LayoutRecipient,
  portalUrl: string,
): RenderedEmail {
  const render = TEMPLATES[message.template] as (data: EmailMessage['data']) => TemplateBody;
  return layout(render(message.data), recipient, portalUrl);
}
