// The time zone times are shown in: the active organisation's (decision 0134), not the browser's,
// so that a deadline at 09:00 in Tapachula reads 09:00 on a laptop set to another zone.
let zone: string | undefined;

export function setDisplayTimeZone(timeZone: string | undefined): void {
  zone = timeZone;
}

export function displayTimeZone(): string | undefined {
  return zone;
}
