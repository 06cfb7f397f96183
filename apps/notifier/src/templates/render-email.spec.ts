import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '@portal/testing';
import { hasControlCharacters } from '@portal/text';
import type { EmailMessage } from '@portal/queue';
import { emailTemplates } from '@portal/queue';
import { escapeHtml, html, oneLine, paragraphs, safeHref, TemplateError } from './html';
import { renderEmail, TEMPLATE_NAMES } from './render-email';

const portal = 'https://cds.hochiminhcity.gov.vn';
const id = 'a'.repeat(24);

/** One message per template, with every text field set to `text`. */
function messages(text: string): EmailMessage[] {
  return [
    {
      template: 'bulletin.confirm-subscription',
      data: { confirmUrl: `${portal}/bulletin/confirm?t=1` },
    },
    {
      template: 'bulletin.issue-published',
      data: {
        issueId: id,
        number: 12,
        year: 2025,
        month: 3,
        title: text,
        url: `${portal}/ban-tin/12`,
        audioUrl: `${portal}/audio/12.mp3`,
        highlights: [{ title: text, url: `${portal}/bai-viet/1` }],
      },
    },
    {
      template: 'forum.official-answer',
      data: {
        threadId: id,
        threadTitle: text,
        department: 'SO-YT',
        answerExcerpt: text,
        url: `${portal}/dien-dan/${id}`,
      },
    },
    {
      template: 'referral.closed',
      data: {
        trackingCode: 'PA-2025-000123',
        status: 'RESOLVED',
        publicResponse: text,
        trackUrl: `${portal}/tra-cuu/PA-2025-000123`,
      },
    },
    {
      template: 'referral.overdue',
      data: {
        trackingCode: 'PA-2025-000124',
        categoryName: text,
        agencyName: text,
        slaDueAt: '2025-03-01T10:05:00Z',
        url: `${portal}/tiep-nhan/PA-2025-000124`,
      },
    },
    {
      template: 'engagement.event-registration',
      data: { ...eventData(text), status: 'CONFIRMED' },
    },
    {
      template: 'engagement.event-reminder',
      data: { ...eventData(text), kind: 'DAY_BEFORE' },
    },
    {
      template: 'engagement.event-follow-up',
      data: { eventId: id, title: text, url: `${portal}/su-kien/${id}` },
    },
    {
      template: 'portal.monthly-report',
      data: {
        month: '2025-11',
        reportUrl: `${portal}/quan-tri/bao-cao/2025-11`,
        csvUrl: `${portal}/quan-tri/bao-cao/2025-11/csv`,
        headlines: [{ label: text, value: text }],
      },
    },
  ];
}

function eventData(text: string) {
  return {
    eventId: id,
    title: text,
    startsAt: '2026-06-15T02:00:00Z',
    endsAt: '2026-06-15T04:00:00Z',
    timeZone: 'Asia/Ho_Chi_Minh',
    onlineUrl: 'https://www.youtube.com/live/abc',
    venue: text,
    url: `${portal}/su-kien/${id}`,
    sequence: 0,
  };
}

const tags = (s: string) => s.match(/<[^>]*>/g) ?? [];
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('renderEmail', () => {
  it('has a sample here for every template in the payload contract', () => {
    expect(
      messages('x')
        .map((m) => m.template)
        .sort(),
    ).toEqual([...TEMPLATE_NAMES].sort());
    for (const m of messages('x'))
      expect(emailTemplates.safeParse(m).success, m.template).toBe(true);
  });

  it('renders a Vietnamese subject, HTML and plain text with the call to action in both', () => {
    for (const message of messages('Chuyển đổi số trong y tế')) {
      const mail = renderEmail(message, { name: 'Nguyễn Văn An' }, portal);
      expect(mail.subject.length, message.template).toBeGreaterThan(10);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.html).toMatch(/^<!doctype html>\s*<html lang="vi">/);
      expect(mail.html).toContain('Kính gửi Nguyễn Văn An,');
      expect(mail.text).toMatch(/^Kính gửi Nguyễn Văn An,\n/);
      expect(mail.text).toContain('Đây là thư tự động');
      const href = tags(mail.html)
        .map((t) => /href="([^"]+)"/.exec(t)?.[1])
        .filter(Boolean);
      // Every link in the HTML is absolute http(s); the action link is in the text too.
      for (const h of href) expect(h).toMatch(/^https:\/\//);
      expect(mail.text).toContain(href[0]!.replace(/&amp;/g, '&'));
    }
  });

  it('writes each template in its own words', () => {
    const [confirm, issue, answer, closed, overdue] = messages('Chuyển đổi số').map((m) =>
      renderEmail(m, {}, portal),
    );
    expect(confirm!.subject).toBe('Xác nhận đăng ký nhận Bản tin Chuyển đổi số TP.HCM');
    expect(confirm!.text).toContain(
      'Xác nhận đăng ký: https://cds.hochiminhcity.gov.vn/bulletin/confirm?t=1',
    );
    expect(issue!.subject).toBe('Bản tin Chuyển đổi số số 12, tháng 3/2025: Chuyển đổi số');
    expect(issue!.text).toContain(
      'Nghe bản tin (bản đọc tự động): https://cds.hochiminhcity.gov.vn/audio/12.mp3',
    );
    expect(flat(answer!.html)).toContain('<strong>Sở Y tế</strong> đã trả lời chính thức');
    expect(closed!.text).toContain('Tình trạng: Đã giải quyết');
    expect(overdue!.text).toContain('Hạn xử lý: 17:05 01/03/2025');
    expect(confirm!.text).toMatch(/^Kính gửi Quý vị,/);
  });

  it('adds the unsubscribe link only for subscribers', () => {
    const [, issue] = messages('x');
    const unsubscribeUrl = `${portal}/bulletin/unsubscribe?token=abc&x=1`;
    const subscribed = renderEmail(issue!, { unsubscribeUrl }, portal);
    expect(flat(subscribed.html)).toContain(
      `<a href="${escapeHtml(unsubscribeUrl)}" style="color:#555555" >Hủy đăng ký nhận thư</a >`,
    );
    expect(subscribed.text).toContain(`Hủy đăng ký nhận thư: ${unsubscribeUrl}`);
    const plain = renderEmail(issue!, {}, portal);
    expect(plain.html).not.toContain('Hủy đăng ký');
    expect(plain.text).not.toContain('Hủy đăng ký');
  });

  it('turns hostile data into text: the markup is the same as for plain words', () => {
    const benign = messages('Chuyển đổi số').map((m) => renderEmail(m, { name: 'An' }, portal));
    for (const payload of XSS_PAYLOADS) {
      messages(payload).forEach((message, i) => {
        const mail = renderEmail(message, { name: payload }, portal);
        expect(tags(mail.html), `${message.template}: ${payload}`).toEqual(tags(benign[i]!.html));
        expect(mail.subject).not.toMatch(/[\r\n]/);
      });
    }
  });

  it('refuses links that are not http(s)', () => {
    const [, issue] = messages('x') as [
      EmailMessage,
      Extract<EmailMessage, { template: 'bulletin.issue-published' }>,
    ];
    const hostile = {
      ...issue,
      data: { ...issue.data, highlights: [{ title: 't', url: 'javascript:alert(1)' }] },
    };
    expect(() => renderEmail(hostile, {}, portal)).toThrow(TemplateError);
    expect(() => renderEmail(issue, { unsubscribeUrl: 'data:text/html,x' }, portal)).toThrow(
      /data: instead of http/,
    );
  });
});

describe('html helpers', () => {
  it('escapes interpolations, nests safe fragments and drops empty values', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${null}${false}${['a', '&']}</p>`.value).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>a&amp;</p>',
    );
    expect(safeHref('https://a.vn/?q="x"&y=<1>').value).toBe(
      'https://a.vn/?q=%22x%22&amp;y=%3C1%3E',
    );
  });

  it('turns plain text into paragraphs and line breaks', () => {
    expect(paragraphs('a <b>\nc\n\n d').value).toBe('<p>a &lt;b&gt;<br />c</p><p> d</p>');
  });

  it('keeps subjects on one bounded line', () => {
    expect(oneLine(' a\r\nb\tc  d ')).toBe('a b c d');
    expect(oneLine('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('keeps control characters and bidi overrides out of subjects', () => {
    expect(oneLine('Tr\u0000ả l\u001b[2Jời \u202Etxt.exe\u0085')).toBe('Trả l[2Jời txt.exe');
    for (const message of messages('Tiêu đề\u0000\u001b[31m\u202Egnp.exe')) {
      const mail = renderEmail(message, {}, portal);
      expect(hasControlCharacters(mail.subject), message.template).toBe(false);
    }
  });

  it('attaches the event as an .ics in city time, except to people on the waitlist', () => {
    const [registration] = messages('Hội thảo').filter(
      (m) => m.template === 'engagement.event-registration',
    );
    const confirmed = renderEmail(registration!, {}, portal);
    expect(confirmed.text).toContain('09:00 – 11:00, 15/06/2026 (Asia/Ho_Chi_Minh)');
    expect(confirmed.attachments).toHaveLength(1);
    expect(confirmed.attachments[0]).toMatchObject({ filename: 'su-kien.ics' });
    expect(confirmed.attachments[0]!.content).toContain('DTSTART:20260615T020000Z');
    const waitlisted = renderEmail(
      { ...registration!, data: { ...registration!.data, status: 'WAITLISTED' } } as EmailMessage,
      {},
      portal,
    );
    expect(waitlisted.attachments).toEqual([]);
  });
});
