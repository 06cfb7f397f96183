import { describe, expect, it } from 'vitest';
import { SmtpSink } from '@portal/local-services';
import { deliveryId } from '../src/domain/delivery-key';
import { waitUntil } from '@portal/testing';
import { useTestNotifier } from './support/harness';
import { PickySmtp } from './support/picky-smtp';
import { bulletinIssue, emailNotification, PORTAL, subscribers } from './support/sample-messages';
import { SmtpGate } from './support/smtp-gate';

const t = useTestNotifier('notifier_email', async (onClose) => {
  const sink = await new SmtpSink().start();
  onClose(() => sink.stop());
  const gate = await new SmtpGate(sink.smtpPort).start();
  onClose(() => gate.stop());
  // Enough attempts that a relay outage a test ends by hand cannot exhaust them.
  return { sink, gate, options: { smtpUrl: gate.url, email: { maxAttempts: 8 } } };
});

const header = (m: { headers: Record<string, string> }, name: string) =>
  m.headers[name.toLowerCase()];

describe('e-mail delivery through SMTP', () => {
  it('sends each recipient a Vietnamese message with escaped data, unsubscribe headers and a stable Message-ID', async () => {
    const hostileName = '<img src=x onerror=alert(1)> Lê "Văn" Tám';
    const recipients = [
      {
        id: 'u1',
        email: 'an.nguyen@example.vn',
        name: 'Nguyễn Văn An',
        unsubscribeUrl: `${PORTAL}/bulletin/unsubscribe?token=t1&lang=vi`,
      },
      { id: 'u2', email: 'binh.tran@example.vn' },
      { id: 'u3', email: 'tam.le@example.vn', name: hostileName },
    ];
    const message = bulletinIssue(12);
    if (message.template === 'bulletin.issue-published')
      message.data.highlights.push({
        title: '<script>alert("x")</script> Số hóa',
        url: `${PORTAL}/a?b=1&c=<2>`,
      });
    await t.send(emailNotification('bulletin.12.content', recipients, message));
    await t.sink.waitFor(3, (m) => m.subject.startsWith('Bản tin Chuyển đổi số số 12'));

    const [an] = t.sink.to('an.nguyen@example.vn');
    expect(an!.subject).toBe(
      'Bản tin Chuyển đổi số số 12, tháng 3/2025: Chuyển đổi số trong y tế và giáo dục',
    );
    expect(an!.from).toBe(
      '"Cổng thông tin Chuyển đổi số TP.HCM" <no-reply@cds.hochiminhcity.gov.vn>',
    );
    expect(an!.to).toEqual(['an.nguyen@example.vn']);
    expect(an!.text).toContain('Kính gửi Nguyễn Văn An,');
    expect(an!.text).toContain(`Đọc bản tin: ${PORTAL}/ban-tin/12`);
    expect(an!.html).toContain('Kính gửi Nguyễn Văn An,');
    expect(header(an!, 'List-Unsubscribe')).toBe(
      `<${PORTAL}/bulletin/unsubscribe?token=t1&lang=vi>`,
    );
    expect(header(an!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(an!.html).toContain(`href="${PORTAL}/bulletin/unsubscribe?token=t1&amp;lang=vi"`);
    expect(an!.text).toContain(
      `Hủy đăng ký nhận thư: ${PORTAL}/bulletin/unsubscribe?token=t1&lang=vi`,
    );
    expect(header(an!, 'Message-ID')).toBe(
      `<${deliveryId('email', 'bulletin.12.content', 'u1')}@cds.hochiminhcity.gov.vn>`,
    );
    expect(header(an!, 'Auto-Submitted')).toBe('auto-generated');
    // Data is text in HTML: the script in a highlight title and the hostile name are escaped.
    expect(an!.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Số hóa');
    expect(an!.html).not.toMatch(/<script/i);

    const [binh] = t.sink.to('binh.tran@example.vn');
    expect(header(binh!, 'List-Unsubscribe')).toBeUndefined();
    expect(binh!.text).not.toContain('Hủy đăng ký');
    expect(binh!.text).toMatch(/^Kính gửi Quý vị,/);

    const [tam] = t.sink.to('tam.le@example.vn');
    expect(tam!.html).toContain(
      'Kính gửi &lt;img src=x onerror=alert(1)&gt; Lê &quot;Văn&quot; Tám,',
    );
    expect(tam!.html).not.toMatch(/<img/i);

    await waitUntil(
      async () =>
        (await t.deliveries({ notificationId: 'bulletin.12.content', status: 'sent' })).length ===
        3,
    );
    const log = await t.deliveries({ notificationId: 'bulletin.12.content' });
    expect(log.map((d) => [d.targetId, d.status, d.attempts])).toEqual([
      ['u1', 'sent', 1],
      ['u2', 'sent', 1],
      ['u3', 'sent', 1],
    ]);
    expect(log[0]!.response).toMatch(/^250/);
  });

  it('delivers once per recipient however often the notification or its jobs run', async () => {
    const id = 'bulletin.13.once';
    const batch = subscribers(5, 'once');
    // The same job twice, the same notification under a new job id, and an overlapping batch
    // that also lists one address a second time under another recipient id.
    await t.send(emailNotification(id, batch), 'dup.13.a');
    await t.send(emailNotification(id, batch), 'dup.13.a');
    await t.send(emailNotification(id, batch), 'dup.13.b');
    await t.send(
      emailNotification(id, [
        ...batch.slice(3),
        { id: 'once-6', email: 'once.6@example.vn' },
        { id: 'alias-of-1', email: 'ONCE.1@example.vn' },
      ]),
      'dup.13.c',
    );
    await t.idle();
    for (const r of [...batch, { email: 'once.6@example.vn' }])
      expect(t.sink.to(r.email), r.email).toHaveLength(1);
    const log = await t.deliveries({ notificationId: id });
    expect(log).toHaveLength(6);
    expect(log.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
    expect(await t.notifications.queue.getCompletedCount()).toBeGreaterThanOrEqual(3);

    // Long after: delivery jobs trimmed from Redis, the producer's job retried with a new id,
    // and one delivery job run again by hand. Nothing is sent again.
    await t.notifier.ctx.queues.email.queue.clean(0, 10_000, 'completed');
    const { deliveryId: oneId } = { deliveryId: log[0]!._id };
    await t.send(emailNotification(id, batch), 'dup.13.d');
    await t.notifier.ctx.queues.email.queue.add(
      'notifier-email',
      { deliveryId: oneId },
      { jobId: 'manual.rerun' },
    );
    await t.idle();
    const rerun = await t.notifier.ctx.queues.email.queue.getJob('manual.rerun');
    expect(rerun!.returnvalue).toEqual({ status: 'sent' });
    for (const r of batch) expect(t.sink.to(r.email), r.email).toHaveLength(1);
  });

  it('retries a relay outage (421) and delivers once when the relay is back', async () => {
    t.gate.mode = 'down';
    const id = 'referral.closed.outage';
    try {
      await t.send(
        emailNotification(
          id,
          [{ id: 'citizen-1', email: 'citizen.outage@example.vn', name: 'Phạm Thị Cúc' }],
          {
            template: 'referral.closed',
            data: {
              trackingCode: 'PA-2025-000777',
              status: 'RESOLVED',
              publicResponse: 'Đã sửa đèn tín hiệu giao thông.',
              trackUrl: `${PORTAL}/tra-cuu/PA-2025-000777`,
            },
          },
        ),
      );
      const [pending] = await waitUntil(
        async () => {
          const log = await t.deliveries({ notificationId: id });
          return log[0] && log[0].attempts >= 2 ? log : null;
        },
        { what: 'two failed attempts' },
      );
      expect(pending!.status).toBe('pending');
      expect(pending!.lastError).toMatch(/421/);
      expect(t.sink.to('citizen.outage@example.vn')).toHaveLength(0);
    } finally {
      t.gate.mode = 'open';
    }
    const [mail] = await t.sink.waitFor(1, (m) =>
      m.envelopeTo.includes('citizen.outage@example.vn'),
    );
    expect(mail!.subject).toBe('Kết quả xử lý phản ánh PA-2025-000777');
    await t.idle();
    const [sent] = await t.deliveries({ notificationId: id });
    expect(sent).toMatchObject({ status: 'sent', lastError: null });
    expect(sent!.attempts).toBeGreaterThanOrEqual(3);
    expect(t.sink.to('citizen.outage@example.vn')).toHaveLength(1);
  });

  it('refuses a bad payload or an unrenderable message with a clear reason and keeps working', async () => {
    await t.notifications.queue.add(
      'notifications',
      {
        kind: 'email',
        notificationId: 'bad.1',
        recipients: [{ id: 'x', email: 'not-an-address' }],
        message: bulletinIssue(),
      },
      { jobId: 'bad.payload', attempts: 5 },
    );
    const hostile = bulletinIssue(14);
    if (hostile.template === 'bulletin.issue-published') hostile.data.url = 'javascript:alert(1)';
    await t.notifications.queue.add(
      'notifications',
      emailNotification('bad.2', subscribers(1, 'bad2'), hostile),
      { jobId: 'bad.message', attempts: 5 },
    );
    await t.send(emailNotification('good.after.bad', subscribers(1, 'good')));
    await t.sink.waitFor(1, (m) => m.envelopeTo.includes('good.1@example.vn'));
    await t.idle();
    const bad = await t.notifications.queue.getJob('bad.payload');
    expect(await bad!.getState()).toBe('failed');
    expect(bad!.failedReason).toMatch(/^invalid payload: recipients\.0\.email: /);
    expect(bad!.attemptsMade).toBe(1);
    const unrenderable = await t.notifications.queue.getJob('bad.message');
    expect(await unrenderable!.getState()).toBe('failed');
    expect(unrenderable!.failedReason).toBe(
      'invalid message (bulletin.issue-published): a link uses javascript: instead of http(s)',
    );
    expect(await t.deliveries({ notificationId: 'bad.2' })).toHaveLength(0);
  });

  it('reports sent, failed, retried, latency and queue depth on the metrics registry', async () => {
    const text = await t.registry.metrics();
    const value = (series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    const sent = value('notifier_deliveries_total{channel="email",outcome="sent"}');
    expect(sent).toBe(await t.models.Delivery.countDocuments({ status: 'sent' }));
    expect(
      value('notifier_deliveries_total{channel="email",outcome="retried"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(value('notifier_delivery_latency_seconds_count{channel="email"}')).toBe(sent);
    expect(value('notifier_send_duration_seconds_count{channel="email",outcome="sent"}')).toBe(
      sent,
    );
    expect(value('notifier_notifications_total{kind="email",outcome="rejected"}')).toBe(1);
    expect(value('bullmq_queue_jobs{queue="notifications",state="failed"}')).toBe(2);
    expect(value('bullmq_queue_jobs{queue="notifier-email",state="waiting"}')).toBe(0);
  });

  it('runs each channel under its own BullMQ rate limit', () => {
    const [, email, webhook] = t.notifier.workers;
    expect(email!.opts.limiter).toEqual({ max: t.config.email.ratePerSecond, duration: 1000 });
    expect(webhook!.opts.limiter).toEqual({ max: t.config.webhook.ratePerSecond, duration: 1000 });
  });
});

describe('a relay that refuses or defers some recipients', () => {
  const p = useTestNotifier('notifier_picky', async (onClose) => {
    const relay = await new PickySmtp().start();
    onClose(() => relay.stop());
    return { relay, options: { smtpUrl: relay.url, email: { maxAttempts: 4 } } };
  });

  it('fails a refused recipient at once, retries a deferred one alone, and delivers the rest once', async () => {
    p.relay.refused.add('khong.ton.tai@example.vn');
    p.relay.deferrals.set('greylisted@example.vn', 2);
    const id = 'forum.answer.picky';
    await p.send(
      emailNotification(
        id,
        [
          { id: 'f1', email: 'khong.ton.tai@example.vn' },
          { id: 'f2', email: 'greylisted@example.vn' },
          { id: 'f3', email: 'theo.doi@example.vn' },
        ],
        {
          template: 'forum.official-answer',
          data: {
            threadId: '65f0c0ffee0000000000f001',
            threadTitle: 'Đề xuất số hóa hồ sơ khám bệnh',
            department: 'SO-YT',
            answerExcerpt: 'Sở Y tế ghi nhận và sẽ triển khai trong quý 3.',
            url: `${PORTAL}/dien-dan/65f0c0ffee0000000000f001`,
          },
        },
      ),
    );
    await p.idle();
    const log = await p.deliveries({ notificationId: id });
    expect(log.map((d) => [d.targetId, d.status, d.attempts])).toEqual([
      ['f1', 'failed', 1],
      ['f2', 'sent', 3],
      ['f3', 'sent', 1],
    ]);
    expect(log[0]!.lastError).toMatch(/^recipient rejected: 550 5\.1\.1 Mailbox unavailable/);
    expect(p.relay.count('greylisted@example.vn')).toBe(1);
    expect(p.relay.count('theo.doi@example.vn')).toBe(1);
    expect(p.relay.count('khong.ton.tai@example.vn')).toBe(0);
    const failed = await p.notifier.ctx.queues.email.queue.getFailed();
    expect(failed.map((j) => [j.data.deliveryId, j.failedReason, j.attemptsMade])).toEqual([
      [log[0]!._id, log[0]!.lastError, 1],
    ]);
  });

  it('gives up after the last attempt and records the failure', async () => {
    p.relay.deferrals.set('always.busy@example.vn', 100);
    await p.send(emailNotification('give.up', [{ id: 'g1', email: 'always.busy@example.vn' }]));
    await p.idle();
    const [d] = await p.deliveries({ notificationId: 'give.up' });
    expect(d).toMatchObject({ status: 'failed', attempts: 4 });
    expect(d!.lastError).toMatch(/^SMTP 451: /);
    expect(p.relay.count('always.busy@example.vn')).toBe(0);
  });
});
