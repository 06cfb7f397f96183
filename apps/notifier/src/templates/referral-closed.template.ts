import type { EmailMessage } from '@portal/queue';
import { html, oneLine, paragraphs } from './html';
import type { TemplateBody } from './layout';

type Data = Extract<EmailMessage, { template: 'referral.closed' }>['data'];

const STATUS_LABEL: Record<Data['status'], string> = {
  RESOLVED: 'Đã giải quyết',
  REJECTED: 'Không được tiếp nhận',
};

export function referralClosed(data: Data): TemplateBody {
  const code = oneLine(data.trackingCode, 60);
  const status = STATUS_LABEL[data.status];
  const response = data.publicResponse?.trim();
  return {
    subject: `Kết quả xử lý phản ánh ${code}`,
    preheader: `Phản ánh ${code}: ${status.toLowerCase()}.`,
    html: html`<p>
        Phản ánh mã số <strong>${code}</strong> của Quý vị, đã được chuyển đến Tổng đài 1022, nay đã
        có kết quả xử lý.
      </p>
      <p>Tình trạng: <strong>${status}</strong></p>
      ${
        response
          ? html`<p>Nội dung trả lời của cơ quan xử lý:</p>
              <blockquote
                style="margin:16px 0;padding:8px 16px;border-left:4px solid #0b5fa5;background:#f3f5f7"
              >
                ${paragraphs(response)}
              </blockquote>`
          : ''
      }`,
    text: [
      `Phản ánh mã số ${code} của Quý vị, đã được chuyển đến Tổng đài 1022, nay đã có kết quả xử lý.`,
      `Tình trạng: ${status}`,
      ...(response
        ? ['', 'Nội dung trả lời của cơ quan xử lý:', ...response.split('\n').map((l) => `> ${l}`)]
        : []),
    ].join('\n'),
    action: { label: 'Tra cứu phản ánh', url: data.trackUrl },
  };
}
