// The tile grid lives in core (also drawn by the server's PDF report); a plain data module.
export { regionTiles, tileKeyOf, type RegionTile } from '../../../../../../packages/core/src/indicators/region-tiles.ts';
