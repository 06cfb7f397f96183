import type { Express, Request, Response } from 'express';
import { isDomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';
import type { SubscriptionService } from '../services/subscription.service';

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The token is in the URL: keep it out of caches, referrers and search engines.
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
};

function page(title: string, message: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Bản tin Chuyển đổi số TP.HCM</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}</style>
</head><body><h1>${title}</h1><p>${message}</p></body></html>
`;
}

const PAGES = {
  confirmed: page(
    'Đã xác nhận đăng ký',
    'Cảm ơn quý vị. Bản tin Chuyển đổi số hằng tháng sẽ được gửi đến hộp thư của quý vị.',
  ),
  unsubscribed: page(
    'Đã hủy đăng ký',
    'Quý vị sẽ không nhận Bản tin Chuyển đổi số qua thư điện tử nữa.',
  ),
  invalid: page(
    'Liên kết không hợp lệ',
    'Liên kết không hợp lệ hoặc đã hết hạn. Quý vị có thể đăng ký lại trên cổng thông tin.',
  ),
  error: page('Có lỗi xảy ra', 'Hệ thống đang bận. Xin vui lòng thử lại sau ít phút.'),
};

function tokenOf(req: Request): string {
  const token = req.query.token;
  return typeof token === 'string' ? token : '';
}

function handler(
  action: (token: string) => Promise<unknown>,
  done: string,
  logger: Logger,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    res.set(PAGE_HEADERS);
    try {
      await action(tokenOf(req));
      res.status(200).send(done);
    } catch (err) {
      if (isDomainError(err) && err.code === 'BAD_USER_INPUT') {
        res.status(400).send(PAGES.invalid);
        return;
      }
      logger.error({ err }, 'subscription link failed');
      res.status(500).send(PAGES.error);
    }
  };
}

/**
 * The links in bulletin mail (the gateway forwards `/bulletin/*` here):
 * `GET /bulletin/subscriptions/confirm?token=` and `/bulletin/subscriptions/unsubscribe?token=`,
 * plus `POST` unsubscribe for mail clients' one-click unsubscribe (RFC 8058).
 */
export function mountSubscriptionRoutes(
  app: Express,
  options: { subscriptions: SubscriptionService; logger: Logger },
): void {
  const { subscriptions, logger } = options;
  const confirm = handler((t) => subscriptions.confirm(t), PAGES.confirmed, logger);
  const unsubscribe = handler((t) => subscriptions.unsubscribe(t), PAGES.unsubscribed, logger);
  app.get('/bulletin/subscriptions/confirm', confirm);
  app.get('/bulletin/subscriptions/unsubscribe', unsubscribe);
  app.post('/bulletin/subscriptions/unsubscribe', unsubscribe);
}
