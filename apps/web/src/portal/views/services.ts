// Where to get help: the directory filtered by state, city, need and language spoken, nearest first once the
// person asks for it. The position stays in this page's memory and is never sent anywhere. The live
// directory is filtered and paged by the server (only the place and need asked for travel); the
// bundled sample, for a phone that never reached the server, is filtered here.
import { h } from '../dom';
import type { Context } from '../context';
import { LANGUAGES, LANGUAGE_NAMES, format, isLang, type Messages } from '../i18n';
import { liveAreas, livePage, type LivePage } from '../live-directory';
import { placesOf, servicesMap, type Place } from './services-map';
import {
  NEEDS,
  distanceKm,
  filterServices,
  flattenDirectory,
  formatHours,
  geoUri,
  telUri,
  type Filters,
  type HsdsDirectory,
  type ServiceEntry,
} from '../services';

let sample: ServiceEntry[] | null = null;
const filters: Filters = { state: '', city: '', need: '', language: '' };
let position: { latitude: number; longitude: number } | null = null;

/** The bundled sample: only for a phone that has never reached the server (a separate chunk). */
async function loadSample(): Promise<ServiceEntry[]> {
  if (!sample) {
    const data = (await import('../data/services.json')).default as HsdsDirectory;
    sample = flattenDirectory(data);
  }
  return sample;
}

const needLabel = (t: Messages, need: string): string =>
  (t as unknown as Record<string, string>)[`need_${need}`] ?? need;

function select(
  id: string,
  label: string,
  onChange: (value: string) => void,
): { field: HTMLElement; control: HTMLSelectElement } {
  const control = h('select', { id, name: id });
  control.addEventListener('change', () => onChange(control.value));
  return { field: h('div', { className: 'field' }, h('label', { for: id }, label), control), control };
}

function setOptions(control: HTMLSelectElement, value: string, options: [string, string][]): void {
  control.replaceChildren(
    ...options.map(([optionValue, text]) => h('option', { value: optionValue, selected: optionValue === value }, text)),
  );
  control.value = value;
}

/** "Monday–Friday: 09:00–17:00" lines, consecutive days with the same hours grouped. */
function weekLines(entry: ServiceEntry, t: Messages): string[] {
  const days = t.days.split(',');
  const text = entry.week.map((ranges) => (ranges.length ? formatHours(ranges, t.allDay) : t.closed));
  const lines: string[] = [];
  for (let start = 0; start < 7;) {
    let end = start;
    while (end + 1 < 7 && text[end + 1] === text[start]) end++;
    const span = start === end ? days[start] : `${days[start]} – ${days[end]}`;
    lines.push(`${span}: ${text[start]}`);
    start = end + 1;
  }
  return lines;
}

function card(entry: ServiceEntry, t: Messages): HTMLElement {
  const km = position ? distanceKm(position, entry) : null;
  const languages = entry.languages.map((code) => (isLang(code) ? LANGUAGE_NAMES[code] : code)).join(', ');
  return h(
    'li',
    { className: 'service card' },
    h('h2', {}, entry.name),
    h(
      'p',
      { className: 'kind' },
      needLabel(t, entry.need),
      km === null ? '' : ` · ${format(t.distance, { km: km < 10 ? km.toFixed(1) : Math.round(km) })}`,
    ),
    h('p', {}, entry.address),
    h('p', { className: 'label' }, t.hours),
    h(
      'ul',
      { className: 'hours' },
      weekLines(entry, t).map((line) => h('li', {}, line)),
    ),
    h('p', {}, `${t.spoken}: ${languages}`),
    h(
      'p',
      { className: 'actions' },
      entry.phones.map((number) =>
        h(
          'a',
          { className: 'button', href: telUri(number) },
          `${t.call}: `,
          h('span', { className: 'nowrap' }, number),
        ),
      ),
      h(
        'a',
        { className: 'button secondary', href: geoUri(entry) },
        t.openMap,
        h('span', { className: 'visually-hidden' }, `: ${entry.name}`),
      ),
    ),
  );
}

export async function renderServices(main: HTMLElement, ctx: Context): Promise<void> {
  const { t } = ctx;
  ctx.setTitle(t.servicesTitle);
  const [areas, first] = await Promise.all([liveAreas(), livePage(filters, 1)]);
  // Live: the server filters and pages (docs/decisions/0133). Sample: everything is here, filtered on the phone.
  const live = areas !== null && areas.length > 0 && first !== null;
  const entries: ServiceEntry[] = live ? first.entries : await loadSample();
  const places: Place[] = live ? areas.map((area) => ({ state: area.state, n: area.services })) : placesOf(entries);
  /** Every live service seen in this visit: offline, a choice whose answer was never kept filters these. */
  const seen = new Map<string, ServiceEntry>();
  let shown: ServiceEntry[] = [];
  let total = 0;
  let nextPage = 0;
  let request = 0;
  const keep = (page: LivePage): void => {
    for (const entry of page.entries) seen.set(entry.id, entry);
    total = page.totalItems;
    nextPage = page.page < page.totalPages ? page.page + 1 : 0;
  };
  if (live) keep(first);

  const list = h('ul', { className: 'cards services' });
  const count = h('p', { className: 'count', role: 'status' });
  const locationStatus = h('p', { className: 'hint', role: 'status' });
  const more = h('button', { type: 'button', className: 'button secondary more' }, t.moreServices);
  const byName = (a: string, b: string): number => a.localeCompare(b);
  const changed = (): void => void reload();
  const stateSelect = select(
    'filter-state',
    t.state,
    (value) => ((filters.state = value), (filters.city = ''), changed()),
  );
  const citySelect = select('filter-city', t.city, (value) => ((filters.city = value), changed()));
  const needSelect = select('filter-need', t.need, (value) => ((filters.need = value), changed()));
  setOptions(needSelect.control, filters.need, [
    ['', t.all],
    ...NEEDS.map((n): [string, string] => [n, needLabel(t, n)]),
  ]);
  const languageSelect = select('filter-language', t.spokenFilter, (value) => ((filters.language = value), changed()));
  const states = [...new Set(places.map((place) => place.state))].sort(byName);
  if (filters.state && !states.includes(filters.state)) filters.state = '';
  setOptions(stateSelect.control, filters.state, [['', t.all], ...states.map((s): [string, string] => [s, s])]);
  /** The language choices: the portal's own languages, and any other a service shown speaks. */
  const refreshLanguages = (): void => {
    const pool = live ? [...seen.values()] : entries;
    const spokenCodes = [...new Set([...(live ? LANGUAGES : []), ...pool.flatMap((entry) => entry.languages)])].sort(
      (a, b) => (isLang(a) ? LANGUAGES.indexOf(a) : 99) - (isLang(b) ? LANGUAGES.indexOf(b) : 99) || byName(a, b),
    );
    if (filters.language && !spokenCodes.includes(filters.language)) spokenCodes.push(filters.language);
    setOptions(languageSelect.control, filters.language ?? '', [
      ['', t.all],
      ...spokenCodes.map((code): [string, string] => [code, isLang(code) ? LANGUAGE_NAMES[code] : code]),
    ]);
  };
  const filterBox = h(
    'div',
    { className: 'filters' },
    stateSelect.field,
    citySelect.field,
    needSelect.field,
    languageSelect.field,
  );
  const mapSlot = h('div', { className: 'map-slot' });

  const draw = (): void => {
    const pool = live ? [...seen.values()] : entries;
    const cities = [
      ...new Set(pool.filter((entry) => !filters.state || entry.state === filters.state).map((entry) => entry.city)),
    ].sort(byName);
    if (filters.city && !cities.includes(filters.city)) cities.push(filters.city);
    setOptions(citySelect.control, filters.city, [['', t.all], ...cities.map((c): [string, string] => [c, c])]);
    refreshLanguages();
    if (position) {
      const here = position;
      shown = [...shown].sort((a, b) => distanceKm(here, a) - distanceKm(here, b));
    }
    const n = live && total ? total : shown.length;
    count.textContent = n ? format(t.results, { n }) + (position ? `. ${t.sortedByDistance}` : '') : t.noResults;
    list.replaceChildren(...shown.map((entry) => card(entry, t)));
    more.hidden = nextPage === 0;
    const open = mapSlot.querySelector('details')?.open ?? true;
    const map = servicesMap(places, filters.state, t, (state) => {
      filters.state = state;
      filters.city = '';
      stateSelect.control.value = state;
      changed();
    });
    map.open = open;
    mapSlot.replaceChildren(map);
  };

  /** Live: ask the server for the first page of this choice; offline without a kept answer, filter what was seen. */
  const reload = async (): Promise<void> => {
    const mine = ++request;
    if (!live) {
      shown = filterServices(entries, filters);
      draw();
      return;
    }
    const page = await livePage(filters, 1);
    if (mine !== request || !main.isConnected) return;
    if (page) {
      keep(page);
      shown = page.entries;
    } else {
      shown = filterServices([...seen.values()], filters);
      total = shown.length;
      nextPage = 0;
    }
    draw();
  };

  more.addEventListener('click', () => {
    const mine = request;
    const wanted = nextPage;
    void livePage(filters, wanted).then((page) => {
      if (mine !== request || !page || !main.isConnected) return;
      keep(page);
      shown = [...shown, ...page.entries];
      draw();
    });
  });

  const locate = h('button', { type: 'button', className: 'button secondary' }, t.useLocation);
  locate.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      locationStatus.textContent = t.locationDenied;
      return;
    }
    locationStatus.textContent = t.locating;
    navigator.geolocation.getCurrentPosition(
      (found) => {
        position = { latitude: found.coords.latitude, longitude: found.coords.longitude };
        locationStatus.textContent = '';
        draw();
      },
      () => (locationStatus.textContent = t.locationDenied),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 10 * 60_000 },
    );
  });

  main.append(
    h('h1', { tabindex: -1 }, t.servicesTitle),
    ...(live ? [] : [h('p', { className: 'note draft' }, t.synthetic)]),
    filterBox,
    mapSlot,
    h('div', { className: 'locate' }, locate, h('p', { className: 'hint' }, t.locationNote), locationStatus),
    count,
    list,
    more,
  );
  shown = live ? entries : filterServices(entries, filters);
  draw();
}
