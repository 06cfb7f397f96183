import { html, oneLine, safeHref, type SafeHtml } from './html';

/** One template's part of a message; the layout adds greeting, footer and unsubscribe link. */
export interface TemplateBody {
  subject: string;
  /** A short summary some mail clients show beside the subject. */
  preheader: string;
  html: SafeHtml;
  text: string;
  /** The main call to action, rendered as a button and as a plain link. */
  action?: { label: string; url: string };
  /** Files sent with the message, such as an event's .ics. */
  attachments?: Attachment[];
}

/** A file attached to a message; content is text built by the template, never a path or URL. */
export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface LayoutRecipient {
  name?: string;
  unsubscribeUrl?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  attachments: Attachment[];
}

const PORTAL_NAME = 'Cổng thông tin Chuyển đổi số Thành phố Hồ Chí Minh';

/** Wraps a template body in the portal's mail layout (HTML and plain text). */
export function layout(
  body: TemplateBody,
  recipient: LayoutRecipient,
  portalUrl: string,
): RenderedEmail {
  const greeting = recipient.name ? `Kính gửi ${recipient.name},` : 'Kính gửi Quý vị,';
  const action = body.action
    ? html`<p style="margin:24px 0">
          <a
            href="${safeHref(body.action.url)}"
            style="background:#0b5fa5;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;display:inline-block"
            >${body.action.label}</a
          >
        </p>
        <p style="font-size:13px;color:#555555">
          Nếu nút không hoạt động, hãy mở liên kết:
          <a href="${safeHref(body.action.url)}" style="color:#0b5fa5">${body.action.url}</a>
        </p>`
    : '';
  const unsubscribe = recipient.unsubscribeUrl
    ? html`<p style="margin:8px 0 0">
        Quý vị nhận thư này vì đã đăng ký trên cổng thông tin.
        <a href="${safeHref(recipient.unsubscribeUrl)}" style="color:#555555"
          >Hủy đăng ký nhận thư</a
        >
      </p>`
    : '';
  const page = html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${body.subject}</title>
      </head>
      <body
        style="margin:0;padding:0;background:#f3f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5"
      >
        <span style="display:none;max-height:0;overflow:hidden">${body.preheader}</span>
        <div style="max-width:600px;margin:0 auto;padding:24px">
          <div style="background:#0b5fa5;color:#ffffff;padding:14px 20px;font-weight:bold">
            ${PORTAL_NAME}
          </div>
          <div style="background:#ffffff;padding:20px 24px">
            <p>${greeting}</p>
            ${body.html} ${action}
          </div>
          <div style="padding:16px 4px;font-size:12px;color:#555555">
            <p style="margin:0">
              <a href="${safeHref(portalUrl)}" style="color:#555555">${PORTAL_NAME}</a>. Đây là thư
              tự động, xin vui lòng không trả lời thư này.
            </p>
            ${unsubscribe}
          </div>
        </div>
      </body>
    </html> `;
  const lines = [greeting, '', body.text.trim(), ''];
  if (body.action) lines.push(`${body.action.label}: ${body.action.url}`, '');
  lines.push(
    '--',
    PORTAL_NAME,
    portalUrl,
    'Đây là thư tự động, xin vui lòng không trả lời thư này.',
  );
  if (recipient.unsubscribeUrl) lines.push(`Hủy đăng ký nhận thư: ${recipient.unsubscribeUrl}`);
  return {
    subject: oneLine(body.subject),
    html: page.value,
    text: `${lines.join('\n')}\n`,
    attachments: body.attachments ?? [],
  };
}
