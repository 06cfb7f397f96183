import type { EmailMessage, NotificationPayload } from '@portal/queue';

export const PORTAL = 'https://cds.hochiminhcity.gov.vn';

/** A realistic bulletin e-mail (the biggest template: highlights, audio link). */
export function bulletinIssue(number = 12): EmailMessage {
  return {
    template: 'bulletin.issue-published',
    data: {
      issueId: '65f0c0ffee0000000000000c',
      number,
      year: 2025,
      month: 3,
      title: 'Chuyển đổi số trong y tế và giáo dục',
      url: `${PORTAL}/ban-tin/${number}`,
      audioUrl: `${PORTAL}/audio/ban-tin-${number}.mp3`,
      highlights: [
        { title: 'Thành phố ra mắt ứng dụng Công dân số', url: `${PORTAL}/bai-viet/cong-dan-so` },
        {
          title: 'Hồ sơ sức khỏe điện tử cho mọi người dân',
          url: `${PORTAL}/bai-viet/ho-so-suc-khoe`,
        },
      ],
    },
  };
}

export interface TestRecipient {
  id: string;
  email: string;
  name?: string;
  unsubscribeUrl?: string;
}

/** `count` subscribers with distinct addresses at `domain`. */
export function subscribers(count: number, label = 'sub', domain = 'example.vn'): TestRecipient[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${label}-${i + 1}`,
    email: `${label}.${i + 1}@${domain}`,
    name: `Người đăng ký ${i + 1}`,
    unsubscribeUrl: `${PORTAL}/bulletin/unsubscribe?token=${label}-${i + 1}`,
  }));
}

export function emailNotification(
  notificationId: string,
  recipients: TestRecipient[],
  message: EmailMessage = bulletinIssue(),
): NotificationPayload {
  return { kind: 'email', notificationId, recipients, message };
}

export function articlePublished(notificationId: string, articleId = '65f0c0ffee00000000000a01') {
  return {
    kind: 'webhook' as const,
    notificationId,
    event: 'article.published' as const,
    payload: {
      articleId,
      slug: 'thanh-pho-ra-mat-ung-dung-cong-dan-so',
      title: 'Thành phố ra mắt ứng dụng Công dân số',
      url: `${PORTAL}/bai-viet/thanh-pho-ra-mat-ung-dung-cong-dan-so`,
      publishedAt: '2025-03-01T02:00:00.000Z',
    },
  };
}

/** A referral's status change, as the referral service tells its partners. */
export function referralUpdated(notificationId: string, trackingCode: string, status: string) {
  return {
    kind: 'webhook' as const,
    notificationId,
    event: 'referral.updated' as const,
    payload: { trackingCode, status },
  };
}
