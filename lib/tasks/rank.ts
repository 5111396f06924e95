import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TaskStatus } from './transitions';

/** Below this gap two neighbours are renumbered before a card goes between them. */
const MIN_GAP = 1e-6;

/**
 * The rank that places a card in a column: after `afterId` (midway to the next card),
 * at the top (`null`) or at the end (`undefined`). `movingId` is the card being moved,
 * which does not count as a neighbour.
 */
export async function rankFor(
  tx: Tx,
  orgId: string,
  status: TaskStatus,
  afterId: string | null | undefined,
  movingId: string | null = null,
): Promise<number> {
  const others = movingId ? tx`and id <> ${movingId}` : tx``;
  if (afterId === undefined) {
    const [row] = await tx<{ r: number | null }[]>`select max(rank) as r from public.tasks where org_id = ${orgId} and status = ${status} ${others}`;
    return (row?.r ?? 0) + 1;
  }
  if (afterId === null) {
    const [row] = await tx<{ r: number | null }[]>`select min(rank) as r from public.tasks where org_id = ${orgId} and status = ${status} ${others}`;
    return (row?.r ?? 1) - 1;
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const [after] = await tx<{ rank: number; status: TaskStatus }[]>`
      select rank, status from public.tasks where org_id = ${orgId} and id = ${afterId}`;
    if (!after || after.status !== status) {
      throw new AppError('validation_failed', 'The card to place this one after is not in that column.', { field: 'afterId' });
    }
    const [next] = await tx<{ rank: number }[]>`
      select rank from public.tasks where org_id = ${orgId} and status = ${status} and rank > ${after.rank} ${others}
      order by rank limit 1`;
    if (!next) return after.rank + 1;
    if (next.rank - after.rank >= MIN_GAP) return (after.rank + next.rank) / 2;
    await renumber(tx, orgId, status);
  }
  throw new AppError('conflict', 'The column changed while the card was moved. Try again.');
}

/** Spreads a column's ranks out again (1, 2, 3, …) keeping their order. */
async function renumber(tx: Tx, orgId: string, status: TaskStatus): Promise<void> {
  await tx`
    update public.tasks t set rank = o.n
    from (select id, row_number() over (order by rank, created_at) as n from public.tasks where org_id = ${orgId} and status = ${status}) o
    where t.id = o.id and t.org_id = ${orgId}`;
}
