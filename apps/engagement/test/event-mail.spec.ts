// Registration e-mails, reminders and notices end to end: the engagement subgraph and worker
// in this process, the notifier as its own process, a real SMTP sink, and the .ics read back
// with a real iCalendar parser.
import { QueueEvents } from 'bullmq';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink, type SinkMessage } from '@portal/local-services';
import {
  spawnServingApp,
  testProcessEnv,
  testServices,
  uniqueName,
  type SpawnedApp,
} from '@portal/testing';
import { startEngagementWorkers, type RunningEngagementWorkers } from '../src/jobs/start-workers';
import { CANCEL_REGISTRATION, createEvent, eventInput, person, REGISTER } from './support/events';
import { dataOf, editor, logger, WEB_BASE_URL, useEngagement } from './support/harness';

const e = useEngagement('eng_event_mail');
const HOUR = 3600_000;
let sink: SmtpSink;
let notifier: SpawnedApp;
let worker: RunningEngagementWorkers;
let queueEvents: QueueEvents;

beforeAll(async () => {
  const { redisUrl } = testServices();
  sink = await new SmtpSink().start();
  notifier = await spawnServingApp('notifier', 'main', {
    ...testProcessEnv(uniqueName('eng_notifier'), e.queuePrefix),
    HOST: '127.0.0.1',
    SMTP_URL: sink.smtpUrl,
    WEB_BASE_URL,
    EMAIL_RETRY_DELAY_MS: '200',
  });
  worker = await startEngagementWorkers(
    {
      redisUrl,
      queuePrefix: e.queuePrefix,
      concurrency: 2,
      webBaseUrl: WEB_BASE_URL,
      internalTokenSecret: 'unused-by-the-worker-0123456789abcdef',
      outboxRelayMs: 500,
    },
    { conn: e.conn, logger, now: e.clock.now },
  );
  queueEvents = new QueueEvents('engagement-events', {
    connection: { url: redisUrl },
    prefix: e.queuePrefix,
  });
  await queueEvents.waitUntilReady();
}, 120_000);

afterAll(async () => {
  await queueEvents?.close();
  await worker?.close();
  await notifier?.stop();
  await sink?.stop();
});

function calendarOf(message: SinkMessage) {
  const ics = message.attachments.find((a) => a.filename.endsWith('.ics'));
  if (!ics) throw new Error(`no .ics in "${message.subject}"`);
  expect(ics.contentType).toBe('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(ics.content));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    url: vevent.getFirstPropertyValue('url'),
  };
}

async function runEventJob(
  payload: Parameters<RunningEngagementWorkers['producers']['engagement-events']['enqueue']>[0],
) {
  const jobId = uniqueName('job');
  await worker.producers['engagement-events'].enqueue(payload, { jobId });
  const job = await worker.producers['engagement-events'].queue.getJob(jobId);
  return job!.waitUntilFinished(queueEvents, 30_000);
}

describe('event e-mails', () => {
  it('confirms with an .ics invitation, waitlists without one, and confirms the next in line when a seat frees', async () => {
    const ev = await createEvent(
      e,
      eventInput(e, { capacity: 1, venue: 'Hội trường Sở Y tế, 59 Nguyễn Thị Minh Khai' }),
    );
    await e.call(person(1), REGISTER, { id: ev.id });
    await e.call(person(2), REGISTER, { id: ev.id });

    const [confirmed] = await sink.waitFor(
      1,
      (m) => m.envelopeTo.includes('nguoi.1@example.vn'),
      60_000,
    );
    expect(confirmed!.subject).toBe(`Xác nhận đăng ký: ${ev.title}`);
    expect(confirmed!.text).toContain('Asia/Ho_Chi_Minh');
    expect(calendarOf(confirmed!)).toEqual({
      method: 'PUBLISH',
      uid: `event-${ev.id}@cds.hochiminhcity.gov.vn`,
      summary: ev.title,
      start: ev.startsAt,
      end: ev.endsAt,
      sequence: 0,
      status: 'CONFIRMED',
      url: `${WEB_BASE_URL}/su-kien/${ev.id}`,
    });

    const [waiting] = await sink.waitFor(
      1,
      (m) => m.envelopeTo.includes('nguoi.2@example.vn'),
      60_000,
    );
    expect(waiting!.subject).toBe(`Đã vào danh sách chờ: ${ev.title}`);
    expect(waiting!.attachments).toEqual([]);

    dataOf(await e.call(person(1), CANCEL_REGISTRATION, { id: ev.id }), 'cancelRegistration');
    const promoted = await sink.waitFor(
      2,
      (m) => m.envelopeTo.includes('nguoi.2@example.vn'),
      60_000,
    );
    const confirmation = promoted.find((m) => m.subject.startsWith('Xác nhận đăng ký'))!;
    expect(calendarOf(confirmation).uid).toBe(`event-${ev.id}@cds.hochiminhcity.gov.vn`);
  });

  it('sends one confirmation when a person registers several times at once', async () => {
    const ev = await createEvent(e, eventInput(e, { capacity: 5 }));
    await Promise.all(Array.from({ length: 5 }, () => e.call(person(10), REGISTER, { id: ev.id })));
    await e.call(person(11), REGISTER, { id: ev.id });
    // Person 11 registered after person 10's requests; once theirs has arrived, 10's would have too.
    await sink.waitFor(
      1,
      (m) => m.envelopeTo.includes('nguoi.11@example.vn') && m.text.includes(ev.id),
      60_000,
    );
    expect(sink.to('nguoi.10@example.vn').filter((m) => m.text.includes(ev.id))).toHaveLength(1);
  });

  it('reminds confirmed people once, and a reminder for an old start time does nothing', async () => {
    const ev = await createEvent(e, eventInput(e, { capacity: 2 }));
    for (const n of [20, 21, 22]) await e.call(person(n), REGISTER, { id: ev.id });
    const reminder = {
      type: 'event.reminder' as const,
      eventId: ev.id,
      kind: 'HOUR_BEFORE' as const,
      startsAt: ev.startsAt,
    };
    expect(await runEventJob(reminder)).toEqual({ sent: 2 });
    // The same reminder again (a duplicate job): the notifier delivers each person once.
    expect(await runEventJob(reminder)).toEqual({ sent: 2 });
    const old = new Date(new Date(ev.startsAt).getTime() - HOUR).toISOString();
    expect(await runEventJob({ ...reminder, startsAt: old })).toEqual({
      sent: 0,
      stale: 'event moved',
    });

    const isReminder = (m: SinkMessage) =>
      m.subject.startsWith('Nhắc lịch') && m.text.includes(ev.title);
    await sink.waitFor(
      1,
      (m) => isReminder(m) && m.envelopeTo.includes('nguoi.21@example.vn'),
      60_000,
    );
    await sink.waitFor(
      1,
      (m) => isReminder(m) && m.envelopeTo.includes('nguoi.20@example.vn'),
      60_000,
    );
    expect(sink.to('nguoi.22@example.vn').filter(isReminder)).toEqual([]);
    const [r] = sink.to('nguoi.20@example.vn').filter(isReminder);
    expect(r!.subject).toBe(`Nhắc lịch: ${ev.title} diễn ra sau một giờ nữa`);
  });

  it('sends the updated invitation when the event moves, and a cancelling one when it is cancelled', async () => {
    const ev = await createEvent(e, eventInput(e, { capacity: 1 }));
    await e.call(person(30), REGISTER, { id: ev.id });
    await e.call(person(31), REGISTER, { id: ev.id });
    const moved = new Date(new Date(ev.startsAt).getTime() + 2 * HOUR);
    const input = eventInput(e, {
      capacity: 1,
      startsAt: moved.toISOString(),
      endsAt: new Date(moved.getTime() + HOUR).toISOString(),
      agenda: [],
    });
    dataOf(
      await e.call(
        editor,
        `mutation($id: ID!, $input: EventInput!, $v: Int!) { updateEvent(id: $id, input: $input, expectedVersion: $v) { id } }`,
        {
          id: ev.id,
          input,
          v: ev.version,
        },
      ),
      'updateEvent',
    );
    const [updated] = await sink.waitFor(
      1,
      (m) =>
        m.envelopeTo.includes('nguoi.30@example.vn') && m.subject.startsWith('Sự kiện thay đổi'),
      60_000,
    );
    expect(calendarOf(updated!)).toMatchObject({
      sequence: 1,
      start: moved.toISOString(),
      status: 'CONFIRMED',
    });

    dataOf(
      await e.call(editor, `mutation($id: ID!) { cancelEvent(id: $id) { id } }`, { id: ev.id }),
      'cancelEvent',
    );
    for (const to of ['nguoi.30@example.vn', 'nguoi.31@example.vn']) {
      const [cancelled] = await sink.waitFor(
        1,
        (m) => m.envelopeTo.includes(to) && m.subject === `Sự kiện bị hủy: ${ev.title}`,
        60_000,
      );
      expect(calendarOf(cancelled!)).toMatchObject({ sequence: 2, status: 'CANCELLED' });
    }
    // Only the confirmed person was told of the move.
    expect(
      sink.to('nguoi.31@example.vn').filter((m) => m.subject.startsWith('Sự kiện thay đổi')),
    ).toEqual([]);
  });

  it('sends attendees the follow-up once the recording is attached', async () => {
    const ev = await createEvent(e, eventInput(e));
    await e.call(person(40), REGISTER, { id: ev.id });
    await e.call(
      editor,
      `mutation($id: ID!, $item: ID!) { attachEventRecording(eventId: $id, libraryItemId: $item) { id } }`,
      { id: ev.id, item: '65a000000000000000000002' },
    );
    const [follow] = await sink.waitFor(
      1,
      (m) =>
        m.envelopeTo.includes('nguoi.40@example.vn') && m.subject.startsWith('Bản ghi và tài liệu'),
      60_000,
    );
    expect(follow!.text).toContain(`${WEB_BASE_URL}/su-kien/${ev.id}`);
  });
});
