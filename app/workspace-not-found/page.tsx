import type { Metadata } from 'next';
import { requestHost } from '@/lib/request/request-host';
import { headers } from 'next/headers';
import { BrandMark } from '@/components/brand/brand-mark';
import { Button } from '@/components/ui/button';
import { env } from '@/lib/env';
import { apexOrigin } from '@/lib/tenancy/host';

export const metadata: Metadata = { title: 'Workspace not found' };

/** Shown on a subdomain that no organization uses (middleware rewrites here). */
export default async function WorkspaceNotFoundPage() {
  const host = requestHost(await headers());
  const root = env().NEXT_PUBLIC_ROOT_DOMAIN;
  const apex = apexOrigin(root);
  return (
    <main id="main" className="grid min-h-screen place-items-center px-4">
      <div className="max-w-md text-center">
        <BrandMark className="mx-auto h-12 w-12" />
        <h1 className="mt-6 text-3xl font-bold">Workspace not found</h1>
        <p className="mt-3 text-muted">
          There is no Tenantforge workspace at <strong className="text-foreground">{host}</strong>. Check the address, or
          create a workspace of your own.
        </p>
        <div className="mt-8 flex justify-center gap-3">
          <Button asChild>
            <a href={apex}>Go to Tenantforge</a>
          </Button>
          <Button asChild variant="secondary">
            <a href={`${apex}/sign-up?next=/new-organization`}>Create a workspace</a>
          </Button>
        </div>
      </div>
    </main>
  );
}
