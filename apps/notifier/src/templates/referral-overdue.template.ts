import type { EmailMessage } from '@portal/queue';
import { formatDateTime } from './format';
import { html, oneLine } from './html';
import type { TemplateBody } from './layout';

type Data = Extract<EmailMessage, { template: 'referral.overdue' }>['data'];

export function referralOverdue(data: Data): TemplateBody {
  const code = oneLine(data.trackingCode, 60);
  const due = formatDateTime(data.slaDueAt);
  const agency = oneLine(data.agencyName);
  const category = oneLine(data.categoryName);
  return {
    subject: `[Quá hạn] Phản ánh ${code} chưa được xử lý đúng hạn`,
    preheader: `Hạn xử lý: ${due}.`,
    html: html`<p>
        Phản ánh mã số <strong>${code}</strong> (lĩnh vực: ${category}) được chuyển đến
        <strong>${agency}</strong> đã quá hạn xử lý.
      </p>
      <p>Hạn xử lý: <strong>${due}</strong></p>
      <p>Đề nghị đơn vị khẩn trương xử lý và cập nhật kết quả để phản hồi người dân.</p>`,
    text: [
      `Phản ánh mã số ${code} (lĩnh vực: ${category}) được chuyển đến ${agency} đã quá hạn xử lý.`,
      `Hạn xử lý: ${due}`,
      '',
      'Đề nghị đơn vị khẩn trương xử lý và cập nhật kết quả để phản hồi người dân.',
    ].join('\n'),
    action: { label: 'Xem phản ánh', url: data.url },
  };
}
