// The tile grid lives in core (also drawn by the server's PDF report); a plain data module.
export {
  countryOfPlace,
  isCentralAmericanPlace,
  regionTiles,
  tileKeyOf,
  type RegionTile,
} from '../../../../../../packages/core/src/indicators/region-tiles.ts';
export { CENTRAL_AMERICA } from '../../../../../../packages/core/src/indicators/central-america.ts';
