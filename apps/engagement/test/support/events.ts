import { testViewer } from '@portal/testing';
import { createAsEditor, type Engagement } from './harness';

export const EVENT_FIELDS = `id title status startsAt endsAt timeZone capacity version confirmedCount
  waitlistCount onlineUrl venue speakers { name } agenda { title }`;

const HOUR = 3600_000;

export function eventInput(e: Engagement, overrides: Record<string, unknown> = {}) {
  // Whole minutes, as events are announced (iCalendar keeps seconds at most).
  const start = new Date(Math.floor((e.clock.now().getTime() + 72 * HOUR) / 60_000) * 60_000);
  return {
    title: 'Hội thảo trực tuyến: Chuyển đổi số trong y tế cơ sở',
    description: 'Trao đổi kinh nghiệm triển khai bệnh án điện tử tại các trạm y tế.',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
    speakers: [{ name: 'TS. Nguyễn Văn Bình', organization: 'Sở Y tế' }],
    agenda: [{ startsAt: start.toISOString(), title: 'Khai mạc' }],
    capacity: 3,
    onlineUrl: 'https://www.youtube.com/live/cds-hcm-demo',
    ...overrides,
  };
}

export function createEvent(e: Engagement, input: Record<string, unknown>, publish = true) {
  return createAsEditor(e, 'Event', EVENT_FIELDS, input, publish);
}

export const REGISTER = `mutation($id: ID!) { registerForEvent(eventId: $id) { id status waitlistPosition event { id } } }`;
export const CANCEL_REGISTRATION = `mutation($id: ID!) { cancelRegistration(eventId: $id) { id status } }`;

export const person = (n: number) =>
  testViewer('citizen', {
    id: `person-${n}`,
    displayName: `Người tham dự ${n}`,
    email: `nguoi.${n}@example.vn`,
  });
