import type { EmailMessage } from '@portal/queue';
import { eventCalendar } from './event-calendar';
import { html, oneLine } from './html';
import type { TemplateBody } from './layout';

type Registration = Extract<EmailMessage, { template: 'engagement.event-registration' }>['data'];
type Reminder = Extract<EmailMessage, { template: 'engagement.event-reminder' }>['data'];
type FollowUp = Extract<EmailMessage, { template: 'engagement.event-follow-up' }>['data'];

/** "09:00 – 11:00, 15/06/2026 (Asia/Ho_Chi_Minh)" in the event's own time zone. */
export function eventWhen(data: { startsAt: string; endsAt: string; timeZone: string }): string {
  const time = (iso: string) =>
    new Intl.DateTimeFormat('vi-VN', {
      timeZone: data.timeZone,
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  const day = new Intl.DateTimeFormat('vi-VN', {
    timeZone: data.timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(data.startsAt));
  return `${time(data.startsAt)} – ${time(data.endsAt)}, ${day} (${data.timeZone})`;
}

function where(data: { onlineUrl: string | null; venue: string | null }): string[] {
  return [
    ...(data.venue ? [`Địa điểm: ${oneLine(data.venue)}`] : []),
    ...(data.onlineUrl ? [`Trực tuyến: ${data.onlineUrl}`] : []),
  ];
}

const HEADLINES: Record<Registration['status'], (title: string) => string> = {
  CONFIRMED: (t) => `Xác nhận đăng ký: ${t}`,
  WAITLISTED: (t) => `Đã vào danh sách chờ: ${t}`,
  UPDATED: (t) => `Sự kiện thay đổi thời gian: ${t}`,
  EVENT_CANCELLED: (t) => `Sự kiện bị hủy: ${t}`,
};

const LEADS: Record<Registration['status'], string> = {
  CONFIRMED:
    'Quý vị đã đăng ký thành công sự kiện dưới đây. Tệp lịch (.ics) đính kèm giúp thêm sự kiện vào lịch.',
  WAITLISTED:
    'Sự kiện đã đủ chỗ; Quý vị đang ở danh sách chờ và sẽ nhận thư xác nhận khi có chỗ trống.',
  UPDATED:
    'Sự kiện Quý vị đăng ký đã thay đổi. Tệp lịch đính kèm cập nhật mục trong lịch của Quý vị.',
  EVENT_CANCELLED:
    'Rất tiếc, sự kiện dưới đây đã bị hủy. Tệp lịch đính kèm gỡ mục khỏi lịch của Quý vị.',
};

export function engagementEventRegistration(data: Registration): TemplateBody {
  const title = oneLine(data.title);
  const when = eventWhen(data);
  const lines = [LEADS[data.status], '', title, `Thời gian: ${when}`, ...where(data)];
  const withCalendar = data.status !== 'WAITLISTED';
  return {
    subject: oneLine(HEADLINES[data.status](title)),
    preheader: when,
    html: html`<p>${LEADS[data.status]}</p>
      <p><strong>${title}</strong><br />Thời gian: ${when}</p>
      ${where(data).map((line) => html`<p>${line}</p>`)}`,
    text: lines.join('\n'),
    action: { label: 'Xem sự kiện', url: data.url },
    attachments: withCalendar ? [eventCalendar(data, data.status === 'EVENT_CANCELLED')] : [],
  };
}

export function engagementEventReminder(data: Reminder): TemplateBody {
  const title = oneLine(data.title);
  const when = eventWhen(data);
  const soon = data.kind === 'DAY_BEFORE' ? 'ngày mai' : 'sau một giờ nữa';
  return {
    subject: oneLine(`Nhắc lịch: ${title} diễn ra ${soon}`),
    preheader: when,
    html: html`<p>Sự kiện Quý vị đã đăng ký sẽ diễn ra ${soon}.</p>
      <p><strong>${title}</strong><br />Thời gian: ${when}</p>
      ${where(data).map((line) => html`<p>${line}</p>`)}`,
    text: [
      `Sự kiện Quý vị đã đăng ký sẽ diễn ra ${soon}.`,
      '',
      title,
      `Thời gian: ${when}`,
      ...where(data),
    ].join('\n'),
    action: {
      label: data.onlineUrl ? 'Tham gia trực tuyến' : 'Xem sự kiện',
      url: data.onlineUrl ?? data.url,
    },
  };
}

export function engagementEventFollowUp(data: FollowUp): TemplateBody {
  const title = oneLine(data.title);
  return {
    subject: oneLine(`Bản ghi và tài liệu: ${title}`),
    preheader: 'Cảm ơn Quý vị đã tham dự.',
    html: html`<p>Cảm ơn Quý vị đã đăng ký tham dự <strong>${title}</strong>.</p>
      <p>Bản ghi và tài liệu trình bày đã có trên cổng thông tin.</p>`,
    text: [
      `Cảm ơn Quý vị đã đăng ký tham dự ${title}.`,
      'Bản ghi và tài liệu trình bày đã có trên cổng thông tin.',
    ].join('\n'),
    action: { label: 'Xem bản ghi', url: data.url },
  };
}
