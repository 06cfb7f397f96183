import { describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { errorCodes, testViewer } from '@portal/testing';
import { dataOf, editor, useEngagement } from './support/harness';
import {
  CANCEL_REGISTRATION,
  createEvent,
  eventInput,
  EVENT_FIELDS,
  person,
  REGISTER,
} from './support/events';

const e = useEngagement('eng_events');
const HOUR = 3600_000;

function queue(name: 'engagement-events' | 'notifications') {
  return name === 'notifications'
    ? e.producers.notifications.queue
    : e.producers['engagement-events'].queue;
}

async function jobIds(q: Queue, prefix: string): Promise<string[]> {
  const jobs = await q.getJobs(['delayed', 'waiting']);
  return jobs
    .map((j) => j.id!)
    .filter((id) => id.startsWith(prefix))
    .sort();
}

describe('events', () => {
  it('lets editors create and publish events; others are refused before their input is read', async () => {
    const create = `mutation($input: EventInput!) { createEvent(input: $input) { id } }`;
    const bad = {
      title: '',
      startsAt: '2020-01-02T00:00:00Z',
      endsAt: '2020-01-01T00:00:00Z',
      capacity: -1,
    };
    expect(errorCodes(await e.call(person(1), create, { input: bad }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await e.call(null, create, { input: bad }))).toEqual(['UNAUTHENTICATED']);

    const draft = await createEvent(e, eventInput(e), false);
    expect(draft).toMatchObject({ status: 'DRAFT', timeZone: 'Asia/Ho_Chi_Minh', capacity: 3 });
    expect(
      (await e.call(person(1), `query($id: ID!) { event(id: $id) { id } }`, { id: draft.id })).data
        ?.event,
    ).toBeNull();
    expect(errorCodes(await e.call(person(1), REGISTER, { id: draft.id }))).toEqual(['NOT_FOUND']);

    const published = dataOf(
      await e.call(editor, `mutation($id: ID!) { publishEvent(id: $id) { ${EVENT_FIELDS} } }`, {
        id: draft.id,
      }),
      'publishEvent',
    );
    expect(published.status).toBe('PUBLISHED');
    const listed = await e.call(null, `{ events { nodes { id title speakers { name } } } }`);
    expect(listed.data?.events.nodes.map((n: any) => n.id)).toContain(draft.id);
  });

  it('names bad fields', async () => {
    const res = await e.call(
      editor,
      `mutation($input: EventInput!) { createEvent(input: $input) { id } }`,
      {
        input: eventInput(e, {
          endsAt: '2020-01-01T00:00:00Z',
          timeZone: 'Mars/Olympus',
          onlineUrl: 'javascript:alert(1)',
          capacity: 0,
          agenda: [],
        }),
      },
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields.map((f: any) => f.field).sort()).toEqual([
      'input.capacity',
      'input.endsAt',
      'input.onlineUrl',
      'input.timeZone',
    ]);
  });

  it('confirms registrations while seats last, waitlists the rest, even all at once', async () => {
    const ev = await createEvent(e, eventInput(e, { capacity: 3 }));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => e.call(person(100 + i), REGISTER, { id: ev.id })),
    );
    const statuses = results.map((r) => dataOf(r, 'registerForEvent').status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(5);
    expect(await e.models.Seat.countDocuments({ eventId: ev.id })).toBe(3);
    const counts = await e.call(
      null,
      `query($id: ID!) { event(id: $id) { confirmedCount waitlistCount } }`,
      { id: ev.id },
    );
    expect(counts.data?.event).toEqual({ confirmedCount: 3, waitlistCount: 5 });

    // Once everyone is in, the waiting people hold places 1 to 5 (a place given while others
    // were still registering may have moved since).
    const mine = `query($id: ID!) { event(id: $id) { myRegistration { status waitlistPosition } } }`;
    const positions = [];
    for (let i = 0; i < 8; i++) {
      const r = (await e.call(person(100 + i), mine, { id: ev.id })).data?.event.myRegistration;
      if (r.status === 'WAITLISTED') positions.push(r.waitlistPosition);
    }
    expect(positions.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps one registration and one e-mail when one person registers many times at once', async () => {
    const ev = await createEvent(e, eventInput(e, { capacity: 10 }));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => e.call(person(200), REGISTER, { id: ev.id })),
    );
    const ids = new Set(results.map((r) => dataOf(r, 'registerForEvent').id));
    expect(ids.size).toBe(1);
    expect(await e.models.Registration.countDocuments({ eventId: ev.id })).toBe(1);
    expect(await e.models.Seat.countDocuments({ eventId: ev.id })).toBe(1);
    const mails = await jobIds(queue('notifications'), 'event-registration-');
    expect(mails.filter((id) => id.startsWith(`event-registration-${[...ids][0]}`))).toEqual([
      `event-registration-${[...ids][0]}-1-CONFIRMED`,
    ]);
  });

  it('gives a cancelled seat to the first on the waitlist, and lets people register again', async () => {
    const ev = await createEvent(e, eventInput(e, { capacity: 1 }));
    const first = dataOf(await e.call(person(300), REGISTER, { id: ev.id }), 'registerForEvent');
    const second = dataOf(await e.call(person(301), REGISTER, { id: ev.id }), 'registerForEvent');
    const third = dataOf(await e.call(person(302), REGISTER, { id: ev.id }), 'registerForEvent');
    expect([first.status, second.status, third.status]).toEqual([
      'CONFIRMED',
      'WAITLISTED',
      'WAITLISTED',
    ]);
    expect([second.waitlistPosition, third.waitlistPosition]).toEqual([1, 2]);

    expect(
      dataOf(await e.call(person(300), CANCEL_REGISTRATION, { id: ev.id }), 'cancelRegistration')
        .status,
    ).toBe('CANCELLED');
    const mine = `query($id: ID!) { event(id: $id) { myRegistration { status waitlistPosition } } }`;
    expect((await e.call(person(301), mine, { id: ev.id })).data?.event.myRegistration).toEqual({
      status: 'CONFIRMED',
      waitlistPosition: null,
    });
    expect((await e.call(person(302), mine, { id: ev.id })).data?.event.myRegistration).toEqual({
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
    // Back again: at the end of the waitlist, with a new round of e-mails.
    const again = dataOf(await e.call(person(300), REGISTER, { id: ev.id }), 'registerForEvent');
    expect(again).toEqual({
      id: first.id,
      status: 'WAITLISTED',
      waitlistPosition: 2,
      event: { id: ev.id },
    });
    expect(await jobIds(queue('notifications'), `event-registration-${first.id}`)).toEqual([
      `event-registration-${first.id}-1-CONFIRMED`,
      `event-registration-${first.id}-2-WAITLISTED`,
    ]);
    expect(errorCodes(await e.call(null, CANCEL_REGISTRATION, { id: ev.id }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('schedules reminders with deterministic ids, moves them with the event and withdraws them when cancelled', async () => {
    const ev = await createEvent(e, eventInput(e));
    const start = new Date(ev.startsAt).getTime();
    const q = queue('engagement-events');
    expect(await jobIds(q, `reminder-${ev.id}`)).toEqual([
      `reminder-${ev.id}-DAY_BEFORE-${start}`,
      `reminder-${ev.id}-HOUR_BEFORE-${start}`,
    ]);
    const dayBefore = await q.getJob(`reminder-${ev.id}-DAY_BEFORE-${start}`);
    // The delay runs to 24 hours before the start (less the milliseconds the request took).
    expect(dayBefore!.opts.delay).toBeLessThanOrEqual(48 * HOUR);
    expect(dayBefore!.opts.delay).toBeGreaterThan(48 * HOUR - 60_000);

    const moved = new Date(start + 24 * HOUR);
    const update = `mutation($id: ID!, $input: EventInput!, $v: Int!) { updateEvent(id: $id, input: $input, expectedVersion: $v) { startsAt version } }`;
    const input = eventInput(e, {
      startsAt: moved.toISOString(),
      endsAt: new Date(moved.getTime() + HOUR).toISOString(),
      agenda: [],
    });
    dataOf(await e.call(editor, update, { id: ev.id, input, v: ev.version }), 'updateEvent');
    expect(await jobIds(q, `reminder-${ev.id}`)).toEqual([
      `reminder-${ev.id}-DAY_BEFORE-${moved.getTime()}`,
      `reminder-${ev.id}-HOUR_BEFORE-${moved.getTime()}`,
    ]);
    expect(await jobIds(q, `notice-${ev.id}`)).toEqual([`notice-${ev.id}-UPDATED-1`]);
    expect(errorCodes(await e.call(editor, update, { id: ev.id, input, v: ev.version }))).toEqual([
      'CONFLICT',
    ]);

    dataOf(
      await e.call(editor, `mutation($id: ID!) { cancelEvent(id: $id) { status } }`, { id: ev.id }),
      'cancelEvent',
    );
    expect(await jobIds(q, `reminder-${ev.id}`)).toEqual([]);
    expect(await jobIds(q, `notice-${ev.id}`)).toEqual([
      `notice-${ev.id}-CANCELLED-2`,
      `notice-${ev.id}-UPDATED-1`,
    ]);
    expect(errorCodes(await e.call(person(400), REGISTER, { id: ev.id }))).toEqual(['CONFLICT']);
  });

  it('takes questions, one vote per person, answered by moderators', async () => {
    const ev = await createEvent(e, eventInput(e));
    const ask = `mutation($id: ID!, $t: String!) { askEventQuestion(eventId: $id, text: $t) { id text votes answered } }`;
    expect(errorCodes(await e.call(null, ask, { id: ev.id, t: '' }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await e.call(person(500), ask, { id: ev.id, t: 'a' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const q = dataOf(
      await e.call(person(500), ask, {
        id: ev.id,
        t: 'Khi nào bệnh án điện tử áp dụng ở trạm y tế phường?',
      }),
      'askEventQuestion',
    );
    const vote = `mutation($id: ID!) { voteEventQuestion(questionId: $id) { id votes viewerHasVoted } }`;
    await Promise.all(Array.from({ length: 5 }, () => e.call(person(501), vote, { id: q.id })));
    const voted = dataOf(await e.call(person(502), vote, { id: q.id }), 'voteEventQuestion');
    expect(voted).toEqual({ id: q.id, votes: 2, viewerHasVoted: true });

    const mark = `mutation($id: ID!) { markEventQuestionAnswered(questionId: $id) { answered } }`;
    expect(errorCodes(await e.call(person(500), mark, { id: q.id }))).toEqual(['FORBIDDEN']);
    const moderator = testViewer('moderator', { id: 'mod-1' });
    expect(
      dataOf(await e.call(moderator, mark, { id: q.id }), 'markEventQuestionAnswered'),
    ).toEqual({ answered: true });
    const page = await e.call(
      person(503),
      `query($id: ID!) { event(id: $id) { questions { votes answered viewerHasVoted } } }`,
      {
        id: ev.id,
      },
    );
    expect(page.data?.event.questions).toEqual([
      { votes: 2, answered: true, viewerHasVoted: false },
    ]);
  });

  it('attaches the recording as a library item and asks the worker for the follow-up e-mail', async () => {
    const ev = await createEvent(e, eventInput(e));
    const attach = `mutation($id: ID!, $item: ID!) { attachEventRecording(eventId: $id, libraryItemId: $item) { recording { id } } }`;
    expect(errorCodes(await e.call(person(600), attach, { id: ev.id, item: 'x' }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await e.call(editor, attach, { id: ev.id, item: 'x' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const item = '65a000000000000000000001';
    expect(
      dataOf(await e.call(editor, attach, { id: ev.id, item }), 'attachEventRecording'),
    ).toEqual({
      recording: { id: item },
    });
    expect(await jobIds(queue('engagement-events'), `notice-${ev.id}-FOLLOW_UP`)).toEqual([
      `notice-${ev.id}-FOLLOW_UP-0-${item}`,
    ]);
  });

  it('resolves many event references with one query', async () => {
    const a = await createEvent(e, eventInput(e));
    const b = await createEvent(e, eventInput(e));
    const draft = await createEvent(e, eventInput(e), false);
    e.commands.length = 0;
    const res = await e.call(
      null,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Event { id } } }`,
      {
        r: [a.id, b.id, draft.id].map((id) => ({ __typename: 'Event', id })),
      },
    );
    expect(res.data?._entities).toEqual([{ id: a.id }, { id: b.id }, null]);
    expect(e.commands.filter((c) => c.endsWith(' events'))).toEqual(['find events']);
  });
});
