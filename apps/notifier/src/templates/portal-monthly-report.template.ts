import type { EmailMessage } from '@portal/queue';
import { html, oneLine, safeHref } from './html';
import type { TemplateBody } from './layout';

type Data = Extract<EmailMessage, { template: 'portal.monthly-report' }>['data'];

/** "2025-11" → "tháng 11/2025". */
function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `tháng ${Number(m)}/${year}`;
}

export function portalMonthlyReport(data: Data): TemplateBody {
  const month = monthLabel(data.month);
  const rows = data.headlines.map((h) => ({ label: oneLine(h.label), value: oneLine(h.value) }));
  return {
    subject: `Báo cáo hoạt động Cổng thông tin Chuyển đổi số ${month}`,
    preheader: rows
      .slice(0, 2)
      .map((r) => `${r.label}: ${r.value}`)
      .join(' · '),
    html: html`<p>Báo cáo hoạt động của Cổng thông tin ${month} đã sẵn sàng.</p>
      <table>
        ${rows.map(
          (r) =>
            html`<tr>
              <td>${r.label}</td>
              <td><strong>${r.value}</strong></td>
            </tr>`,
        )}
      </table>
      <p>
        Bản in (HTML) và bảng số liệu (CSV) có trong trang quản trị (cần đăng nhập):
        <a href="${safeHref(data.csvUrl)}">tải CSV</a>.
      </p>`,
    text: [
      `Báo cáo hoạt động của Cổng thông tin ${month} đã sẵn sàng.`,
      '',
      ...rows.map((r) => `${r.label}: ${r.value}`),
      '',
      `Bảng số liệu (CSV): ${data.csvUrl}`,
    ].join('\n'),
    action: { label: 'Xem báo cáo', url: data.reportUrl },
  };
}
