import { createElement, type ReactElement } from 'react';

/**
 * The Tenantforge mark: three tiles forming a "T" (one organization beside
 * another, on a shared stem) on a rounded indigo square. One geometry, on a
 * 32-unit grid, for the header's SVG, the generated app icons and favicon.ico
 * (scripts/make-favicon.ts). Brand colours stay the same in both themes.
 * Plain `createElement` (no JSX) so that script can import this file as is.
 */
export const MARK_COLORS = { background: '#4f46e5', tile: '#ffffff' } as const;
export const MARK_RADIUS = 8;
export const TILE_RADIUS = 1.5;
export const MARK_TILES = [
  { x: 7, y: 8, width: 8, height: 5, opacity: 1 },
  { x: 17, y: 8, width: 8, height: 5, opacity: 0.65 },
  { x: 13, y: 15, width: 6, height: 10, opacity: 1 },
] as const;

/**
 * The mark as an element for `ImageResponse` (next/og), `size` pixels square.
 * `fullBleed` drops the rounded corners: iOS rounds home-screen icons itself
 * and shows transparent corners as black.
 */
export function markImageElement(size: number, options: { fullBleed?: boolean } = {}): ReactElement {
  const unit = size / 32;
  const tiles = MARK_TILES.map((tile, i) =>
    createElement('div', {
      key: i,
      style: {
        position: 'absolute',
        left: tile.x * unit,
        top: tile.y * unit,
        width: tile.width * unit,
        height: tile.height * unit,
        borderRadius: TILE_RADIUS * unit,
        background: MARK_COLORS.tile,
        opacity: tile.opacity,
      },
    }),
  );
  return createElement(
    'div',
    {
      style: {
        display: 'flex',
        position: 'relative',
        width: size,
        height: size,
        background: MARK_COLORS.background,
        borderRadius: options.fullBleed ? 0 : MARK_RADIUS * unit,
      },
    },
    ...tiles,
  );
}
