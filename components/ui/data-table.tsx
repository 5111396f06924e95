import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { cn } from '@/lib/cn';
import { Tooltip } from './tooltip';

export type SortDirection = 'asc' | 'desc';

export interface DataTableColumn<T> {
  /** Stable id of the column (React key). */
  key: string;
  header: string;
  cell: (row: T) => React.ReactNode;
  /** Makes the header a sort link (see `sort` and `sortHref` on the table). */
  sortKey?: string;
  /** Hide the column below this breakpoint, so phones keep the essential ones. */
  hideBelow?: 'sm' | 'md' | 'lg';
  align?: 'left' | 'right';
  /** Extra classes for the column's cells (width, wrapping). */
  className?: string;
}

export interface DataTablePagination {
  /** Accessible name of the pagination nav ("Member pages"). */
  label: string;
  /** Back to the first page (keyset cursors go forward only). */
  firstHref?: string | null;
  firstLabel?: string;
  nextHref?: string | null;
  nextLabel?: string;
}

const hidden = { sm: 'hidden sm:table-cell', md: 'hidden md:table-cell', lg: 'hidden lg:table-cell' } as const;
const cellClasses = (column: Pick<DataTableColumn<unknown>, 'hideBelow' | 'align' | 'className'>) =>
  cn('px-4 py-3 align-middle', column.hideBelow && hidden[column.hideBelow], column.align === 'right' && 'text-right', column.className);

/** The frame every table shares: a bordered card that scrolls sideways inside itself, never the page. */
function Frame({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <div className={cn('relative w-full overflow-x-auto rounded-lg border border-border bg-surface', className)}>
      <table className="w-full border-collapse text-left text-sm">{children}</table>
    </div>
  );
}

function HeaderCell({ column, sort, sortHref }: {
  column: DataTableColumn<never>;
  sort?: { key: string; direction: SortDirection };
  sortHref?: (key: string, direction: SortDirection) => string;
}) {
  const active = column.sortKey !== undefined && sort?.key === column.sortKey;
  const ariaSort = active ? (sort!.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const Icon = !active ? ArrowUpDown : sort!.direction === 'asc' ? ArrowUp : ArrowDown;
  const next: SortDirection = active && sort!.direction === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={ariaSort} className={cn(cellClasses(column), 'py-2.5 text-xs font-medium text-muted')}>
      {column.sortKey && sortHref ? (
        <Tooltip content={`Sort by ${column.header.toLowerCase()}, ${next === 'asc' ? 'ascending' : 'descending'}`}>
          <Link
            href={sortHref(column.sortKey, next)}
            className={cn('-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-foreground', active && 'text-foreground')}
          >
            {column.header}
            <Icon aria-hidden className={cn('h-3.5 w-3.5', !active && 'opacity-50')} />
          </Link>
        </Tooltip>
      ) : (
        column.header
      )}
    </th>
  );
}

/**
 * A server-rendered table for lists: typed columns with a cell renderer, optional
 * sort links (`sort` is the current order, `sortHref(key, direction)` builds a URL,
 * so the server sorts), an `empty` slot (an EmptyState) shown instead of an empty
 * table, a row-actions column (`rowActions` → a RowActions "…" menu) that stays
 * inside the table, and a pagination footer with cursor links. Narrow screens:
 * `hideBelow` drops secondary columns; what remains scrolls inside the card.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  sortHref,
  empty,
  rowActions,
  pagination,
  className,
}: {
  /** Names the table for assistive technology (visually hidden). */
  caption: string;
  columns: DataTableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  sort?: { key: string; direction: SortDirection };
  sortHref?: (key: string, direction: SortDirection) => string;
  empty?: React.ReactNode;
  rowActions?: (row: T) => React.ReactNode;
  pagination?: DataTablePagination;
  className?: string;
}) {
  if (rows.length === 0 && empty) return <div className={className}>{empty}</div>;
  return (
    <div className={cn('space-y-3', className)}>
      <Frame>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border bg-accent/40">
          <tr>
            {columns.map((column) => (
              <HeaderCell key={column.key} column={column as DataTableColumn<never>} sort={sort} sortHref={sortHref} />
            ))}
            {rowActions ? (
              <th scope="col" className="relative w-12 py-2.5 pl-2 pr-3">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="transition-colors hover:bg-accent/30">
              {columns.map((column) => (
                <td key={column.key} className={cellClasses(column)}>
                  {column.cell(row)}
                </td>
              ))}
              {rowActions ? <td className="w-12 py-3 pl-2 pr-3 text-right align-middle">{rowActions(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </Frame>
      {pagination ? <PaginationFooter {...pagination} /> : null}
    </div>
  );
}

function PaginationFooter({ label, firstHref, firstLabel = 'First page', nextHref, nextLabel = 'Next page' }: DataTablePagination) {
  if (!firstHref && !nextHref) return null;
  const link = 'inline-flex h-8 items-center gap-1 rounded-md border border-border bg-surface px-3 text-sm hover:bg-accent';
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3">
      {firstHref ? (
        <Link href={firstHref} className={link}>
          <ChevronLeft aria-hidden className="h-4 w-4" />
          {firstLabel}
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className={link}>
          {nextLabel}
          <ChevronRight aria-hidden className="h-4 w-4" />
        </Link>
      ) : null}
    </nav>
  );
}

/** The loading state of a DataTable (e.g. in a route's loading.tsx): its headers and pulsing rows. */
export function DataTableSkeleton({
  caption,
  columns,
  rows = 5,
  className,
}: {
  caption: string;
  columns: Pick<DataTableColumn<unknown>, 'key' | 'header' | 'hideBelow' | 'align' | 'className'>[];
  rows?: number;
  className?: string;
}) {
  return (
    <div aria-busy="true" className={className}>
      <Frame>
        <caption className="sr-only">{`${caption} (loading)`}</caption>
        <thead className="border-b border-border bg-accent/40">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cn(cellClasses(column), 'py-2.5 text-xs font-medium text-muted')}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              {columns.map((column, c) => (
                <td key={column.key} className={cellClasses(column)}>
                  <span
                    aria-hidden
                    className="block h-4 animate-pulse rounded bg-accent"
                    style={{ width: `${c === 0 ? 60 + ((i * 13) % 30) : 40 + ((i * 7 + c * 11) % 40)}%` }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </Frame>
    </div>
  );
}
