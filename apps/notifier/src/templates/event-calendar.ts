import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { EmailMessage } from '@portal/queue';
import type { Attachment } from './layout';

type EventData = Extract<EmailMessage, { template: 'engagement.event-registration' }>['data'];

/**
 * The event as an iCalendar file to add to a calendar (METHOD:PUBLISH: the portal keeps the
 * registration, so no reply is asked for). Its UID is stable per event and SEQUENCE grows
 * with every change, so a later file updates, or cancels, the entry an earlier one made.
 */
export function eventCalendar(data: EventData, cancelled: boolean): Attachment {
  const calendar = ical({
    name: data.title,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'cds.hochiminhcity.gov.vn', product: 'engagement', language: 'VI' },
    timezone: null,
  });
  calendar.createEvent({
    id: `event-${data.eventId}@${new URL(data.url).hostname}`,
    sequence: data.sequence,
    start: new Date(data.startsAt),
    end: new Date(data.endsAt),
    stamp: new Date(data.startsAt),
    summary: data.title,
    description: [data.onlineUrl ? `Tham gia trực tuyến: ${data.onlineUrl}` : null, data.url]
      .filter(Boolean)
      .join('\n'),
    location: data.venue ?? data.onlineUrl ?? null,
    url: data.url,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return {
    filename: 'su-kien.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: calendar.toString(),
  };
}
