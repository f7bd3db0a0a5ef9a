// A map of the services by state: one square per Mexican state and Central American country,
// placed roughly where each lies (the same tile grid as the staff dashboards, from
// @acompana/core). It is plain buttons in a CSS grid — no tiles or images from anywhere, nothing
// to download, usable offline and with a screen reader; tapping a state filters the list.
import { h } from '../dom';
import { format, type Messages } from '../i18n';
import type { ServiceEntry } from '../services';
import { regionTiles } from '../../../../../packages/core/src/indicators/region-tiles.ts';

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^estado de /, '');

/** The tile of a service's state as written in its address ("Chiapas", "CDMX", "México"…). */
function tileOf(state: string): (typeof regionTiles)[number] | undefined {
  const key = fold(state);
  return regionTiles.find(
    (tile) => fold(tile.name) === key || fold(tile.abbr) === key || (key === 'mexico' && tile.abbr === 'MEX'),
  );
}

/** How many entries per state, for the bundled sample (the live directory says it in its areas). */
export function placesOf(entries: ServiceEntry[]): Place[] {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.state, (counts.get(entry.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => ({ state, n }));
}

export interface Place {
  state: string;
  n: number;
}

export function servicesMap(
  places: Place[],
  selectedState: string,
  t: Messages,
  onPick: (state: string) => void,
): HTMLDetailsElement {
  const counts = new Map<string, Place>();
  for (const place of places) {
    const tile = tileOf(place.state);
    if (!tile) continue;
    const current = counts.get(tile.key) ?? { state: place.state, n: 0 };
    counts.set(tile.key, { state: current.state, n: current.n + place.n });
  }
  const grid = h('div', { className: 'tile-map', role: 'group', 'aria-label': t.mapTitle });
  for (const tile of regionTiles) {
    const count = counts.get(tile.key);
    // Placed through the CSS object model: the CSP forbids style attributes, not this.
    const place = <E extends HTMLElement>(element: E): E => {
      element.style.gridColumn = String(tile.col + 1);
      element.style.gridRow = String(tile.row + 1);
      return element;
    };
    if (!count) {
      // Mexico's outline stays readable with its empty states; Central America's 92 departments
      // would be mostly empty squares on a small phone, so only those with services are drawn.
      if (tile.country !== 'MX') continue;
      grid.append(place(h('span', { className: 'tile tile--empty', 'aria-hidden': 'true' }, tile.abbr)));
      continue;
    }
    const button = h(
      'button',
      {
        type: 'button',
        className: 'tile',
        'aria-pressed': String(count.state === selectedState),
        'aria-label': format(t.mapTile, { state: tile.name, n: count.n }),
      },
      tile.abbr,
      h('span', { className: 'tile__n' }, String(count.n)),
    );
    button.addEventListener('click', () => onPick(count.state === selectedState ? '' : count.state));
    grid.append(place(button));
  }
  return h('details', { className: 'map', open: true }, h('summary', {}, t.mapTitle), grid);
}
