// A small RFC 5545 reader for tests: unfolds lines, splits VEVENTs and their VALARMs into
// property maps, and works out when an alarm fires (so tests check dates, not text).

export interface ParsedEvent {
  props: Record<string, string>;
  alarms: Record<string, string>[];
}

export function parseIcal(text: string): { props: Record<string, string>; events: ParsedEvent[] } {
  assert(text.endsWith('\r\n'), 'lines end with CRLF');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const calendar: Record<string, string> = {};
  const events: ParsedEvent[] = [];
  const stack: string[] = [];
  let event: ParsedEvent | undefined;
  let alarm: Record<string, string> | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') event = { props: {}, alarms: [] };
      if (value === 'VALARM') alarm = {};
      continue;
    }
    if (name === 'END') {
      assert(stack.pop() === value, `END:${value} closes what was opened`);
      if (value === 'VEVENT' && event) events.push(event);
      if (value === 'VALARM' && alarm && event) event.alarms.push(alarm);
      if (value === 'VALARM') alarm = undefined;
      if (value === 'VEVENT') event = undefined;
      continue;
    }
    const target = alarm ?? event?.props ?? calendar;
    target[name] = value;
  }
  assert(stack.length === 0, 'every component is closed');
  return { props: calendar, events };
}

/** When a relative alarm fires for an all-day event starting on `date` (YYYYMMDD), local time. */
export function alarmFiresAt(date: string, trigger: string): string {
  const match = /^-P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(trigger);
  if (!match) throw new Error(`unexpected trigger ${trigger}`);
  const minutes = Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  const start = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
  return new Date(start - minutes * 60_000).toISOString().slice(0, 16);
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`invalid iCalendar: ${message}`);
}
