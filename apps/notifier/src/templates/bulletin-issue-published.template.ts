import type { EmailMessage } from '@portal/queue';
import { html, oneLine, safeHref } from './html';
import type { TemplateBody } from './layout';

type Data = Extract<EmailMessage, { template: 'bulletin.issue-published' }>['data'];

export function bulletinIssuePublished(data: Data): TemplateBody {
  const edition = `số ${data.number}, tháng ${data.month}/${data.year}`;
  const title = oneLine(data.title);
  const highlights = data.highlights.length
    ? html`<p><strong>Nổi bật trong số này:</strong></p>
        <ul>
          ${data.highlights.map((h) => html`<li><a href="${safeHref(h.url)}" style="color:#0b5fa5">${oneLine(h.title, 300)}</a></li>`)}
        </ul>`
    : '';
  const audio = data.audioUrl
    ? html`<p>
        Nghe bản tin:
        <a href="${safeHref(data.audioUrl)}" style="color:#0b5fa5">bản đọc tự động</a>.
      </p>`
    : '';
  const text = [
    `Bản tin Chuyển đổi số ${edition} đã phát hành: ${title}.`,
    ...(data.highlights.length
      ? [
          '',
          'Nổi bật trong số này:',
          ...data.highlights.map((h) => `- ${oneLine(h.title, 300)}: ${h.url}`),
        ]
      : []),
    ...(data.audioUrl ? ['', `Nghe bản tin (bản đọc tự động): ${data.audioUrl}`] : []),
  ].join('\n');
  return {
    subject: oneLine(`Bản tin Chuyển đổi số ${edition}: ${title}`),
    preheader: `Bản tin Chuyển đổi số ${edition} đã phát hành.`,
    html: html`<p>
        Bản tin Chuyển đổi số <strong>${edition}</strong> đã phát hành: <strong>${title}</strong>.
      </p>
      ${highlights} ${audio}`,
    text,
    action: { label: 'Đọc bản tin', url: data.url },
  };
}
