import type { Tx } from '@/lib/db';
import { listMembers } from '@/lib/members/queries';

/** The members a task can be assigned to, as the pickers show them (the first 100 by join date). */
export async function assigneeOptions(tx: Tx, orgId: string): Promise<{ id: string; label: string }[]> {
  const page = await listMembers(tx, { orgId, limit: 100 });
  return page.items.map((m) => ({ id: m.userId, label: m.name ? `${m.name} (${m.email})` : m.email }));
}
