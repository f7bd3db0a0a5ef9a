// A minimal iCalendar (RFC 5545) writer for deadline feeds: all-day events (VALUE=DATE) and
// timed ones (UTC), with text escaping (3.3.11) and line folding at 75 octets (3.1).

export interface CalendarEvent {
  uid: string;
  /** YYYY-MM-DD for an all-day event, or an ISO instant. */
  start: string;
  summary: string;
  description?: string;
  /** Last change of the event, ISO instant. */
  stamp: string;
  /** Reminders, in days before the event (7, 3, 1): one VALARM each. */
  alarmDaysBefore?: readonly number[];
}

/**
 * The TRIGGER of a reminder `days` before the start. An all-day event starts at local midnight, so
 * the alarm is set for 09:00 of that day instead (-P6DT15H is 7 days before at 09:00): a phone
 * should not ring at midnight. A timed deadline is reminded the same time of day, days before.
 */
export function alarmTrigger(days: number, allDay: boolean): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`alarm days must be a positive integer: ${days}`);
  if (!allDay) return `-P${days}D`;
  return days === 1 ? '-PT15H' : `-P${days - 1}DT15H`;
}

export function escapeIcalText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line so that no physical line exceeds 75 octets (UTF-8 safe). */
export function foldIcalLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function icalInstant(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function addOneDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function renderIcalCalendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Acompana//Deadlines//ES',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcalText(name)}`,
  ];
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${icalInstant(event.stamp)}`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(event.start)) {
      lines.push(
        `DTSTART;VALUE=DATE:${event.start.replace(/-/g, '')}`,
        `DTEND;VALUE=DATE:${addOneDay(event.start).replace(/-/g, '')}`,
      );
    } else {
      lines.push(`DTSTART:${icalInstant(event.start)}`);
    }
    lines.push(`SUMMARY:${escapeIcalText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeIcalText(event.description)}`);
    const allDay = /^\d{4}-\d{2}-\d{2}$/.test(event.start);
    for (const days of event.alarmDaysBefore ?? []) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:${alarmTrigger(days, allDay)}`,
        `DESCRIPTION:${escapeIcalText(`${days === 1 ? 'Mañana' : `En ${days} días`}: ${event.summary}`)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcalLine).join('\r\n')}\r\n`;
}
