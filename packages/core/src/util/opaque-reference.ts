// An opaque, stable reference of a record for people who may not see who it is about (a partner
// organisation, an unidentified body): the first eight hexadecimal digits of its id, in capitals
// ("3F2A91C0"). The notification bell and the page it opens show the same one, so the recipient
// can tell which record a notice is about without a name.
export function opaqueReference(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}
