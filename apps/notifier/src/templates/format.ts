import { unitByCode } from '@portal/reference-data';

const DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "17:05 01/03/2025": city time, the way Vietnamese readers write it. */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** A unit's full name when producers send its code (SO-YT → Sở Y tế), otherwise the text as given. */
export function unitName(codeOrName: string): string {
  return unitByCode(codeOrName)?.name ?? codeOrName;
}
