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
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcalLine).join('\r\n')}\r\n`;
}
