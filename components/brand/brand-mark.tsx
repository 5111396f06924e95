import { cn } from '@/lib/cn';
import { MARK_COLORS, MARK_RADIUS, MARK_TILES, TILE_RADIUS } from './mark-geometry';

/** The Tenantforge mark as inline SVG (decorative: the link around it carries the name). */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden focusable="false" className={cn('h-7 w-7 shrink-0', className)}>
      <rect width="32" height="32" rx={MARK_RADIUS} fill={MARK_COLORS.background} />
      {MARK_TILES.map((tile, i) => (
        <rect key={i} x={tile.x} y={tile.y} width={tile.width} height={tile.height} rx={TILE_RADIUS} fill={MARK_COLORS.tile} fillOpacity={tile.opacity} />
      ))}
    </svg>
  );
}
