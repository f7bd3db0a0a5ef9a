// Where to get help: the directory filtered by state, city, need and language spoken, nearest first once the
// person asks for it. The position stays in this page's memory and is never sent anywhere.
import { h } from '../dom';
import type { Context } from '../context';
import { LANGUAGES, LANGUAGE_NAMES, format, isLang, type Messages } from '../i18n';
import { liveDirectory } from '../live-directory';
import { servicesMap } from './services-map';
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

let directory: ServiceEntry[] | null = null;
const filters: Filters = { state: '', city: '', need: '', language: '' };
let position: { latitude: number; longitude: number } | null = null;

async function loadDirectory(): Promise<ServiceEntry[]> {
  if (!directory) {
    const data = (await import('../data/services.json')).default as HsdsDirectory;
    directory = flattenDirectory(data);
  }
  return directory;
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
  let entries = await loadDirectory();
  const list = h('ul', { className: 'cards services' });
  const count = h('p', { className: 'count', role: 'status' });
  const locationStatus = h('p', { className: 'hint', role: 'status' });
  const byName = (a: string, b: string): number => a.localeCompare(b);
  const stateSelect = select('filter-state', t.state, (value) => ((filters.state = value), update()));
  const citySelect = select('filter-city', t.city, (value) => ((filters.city = value), update()));
  const needSelect = select('filter-need', t.need, (value) => ((filters.need = value), update()));
  setOptions(needSelect.control, filters.need, [
    ['', t.all],
    ...NEEDS.map((n): [string, string] => [n, needLabel(t, n)]),
  ]);
  const languageSelect = select('filter-language', t.spokenFilter, (value) => ((filters.language = value), update()));
  /** The state and language choices come from the services shown (bundled first, then live). */
  const refreshChoices = (): void => {
    const states = [...new Set(entries.map((entry) => entry.state))].sort(byName);
    if (filters.state && !states.includes(filters.state)) filters.state = '';
    setOptions(stateSelect.control, filters.state, [['', t.all], ...states.map((s): [string, string] => [s, s])]);
    const spokenCodes = [...new Set(entries.flatMap((entry) => entry.languages))].sort(
      (a, b) => (isLang(a) ? LANGUAGES.indexOf(a) : 99) - (isLang(b) ? LANGUAGES.indexOf(b) : 99) || byName(a, b),
    );
    if (filters.language && !spokenCodes.includes(filters.language)) filters.language = '';
    setOptions(languageSelect.control, filters.language ?? '', [
      ['', t.all],
      ...spokenCodes.map((code): [string, string] => [code, isLang(code) ? LANGUAGE_NAMES[code] : code]),
    ]);
  };
  refreshChoices();
  const filterBox = h(
    'div',
    { className: 'filters' },
    stateSelect.field,
    citySelect.field,
    needSelect.field,
    languageSelect.field,
  );
  const mapSlot = h('div', { className: 'map-slot' });

  const update = (): void => {
    const cities = [
      ...new Set(entries.filter((entry) => !filters.state || entry.state === filters.state).map((entry) => entry.city)),
    ].sort(byName);
    if (filters.city && !cities.includes(filters.city)) filters.city = '';
    setOptions(citySelect.control, filters.city, [['', t.all], ...cities.map((c): [string, string] => [c, c])]);
    let shown = filterServices(entries, filters);
    if (position) {
      const here = position;
      shown = [...shown].sort((a, b) => distanceKm(here, a) - distanceKm(here, b));
    }
    count.textContent = shown.length
      ? format(t.results, { n: shown.length }) + (position ? `. ${t.sortedByDistance}` : '')
      : t.noResults;
    list.replaceChildren(...shown.map((entry) => card(entry, t)));
    const open = mapSlot.querySelector('details')?.open ?? true;
    const map = servicesMap(entries, filters.state, t, (state) => {
      filters.state = state;
      stateSelect.control.value = state;
      update();
    });
    map.open = open;
    mapSlot.replaceChildren(map);
  };

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
        update();
      },
      () => (locationStatus.textContent = t.locationDenied),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 10 * 60_000 },
    );
  });

  const sampleNote = h('p', { className: 'note draft' }, t.synthetic);
  main.append(
    h('h1', { tabindex: -1 }, t.servicesTitle),
    sampleNote,
    filterBox,
    mapSlot,
    h('div', { className: 'locate' }, locate, h('p', { className: 'hint' }, t.locationNote), locationStatus),
    count,
    list,
  );
  update();
  // The directory as organisations keep it now, when the server (or the offline copy of its last
  // answer) has it: it replaces the bundled sample, quietly.
  void liveDirectory().then((live) => {
    if (!live || live.length === 0 || !main.isConnected) return;
    entries = live;
    directory = live;
    sampleNote.remove();
    refreshChoices();
    update();
  });
}
