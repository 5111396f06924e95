'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { getCurrentUser } from '@/lib/auth/current-user';
import { withRls } from '@/lib/db';
import { handoffUrl } from '@/lib/handoff/go-to-host';
import { listOrganizationsForUser } from '@/lib/orgs/queries';

const switchSchema = z.object({ slug: z.string().max(40) });

/** Org switcher: signs the user in on another organization's host through a handoff code. */
export async function switchOrganizationAction(slug: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  const parsed = switchSchema.safeParse({ slug });
  const orgs = await withRls(rlsClaimsOf(user), (tx) => listOrganizationsForUser(tx));
  const target = parsed.success ? orgs.find((o) => o.slug === parsed.data.slug) : undefined;
  if (!target) redirect('/');
  redirect(await handoffUrl(user.id, target.slug));
}
