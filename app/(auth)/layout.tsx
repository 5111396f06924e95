import { headers } from 'next/headers';
import { headerUserOf, SiteHeader } from '@/components/shell/site-header';
import { SiteFooter } from '@/components/shell/site-footer';
import { getCurrentUser } from '@/lib/auth/current-user';
import { optionalTenantFromHeaders } from '@/lib/tenancy/tenant-headers';

/**
 * Sign-in, sign-up, account and "Your workspaces", served on every host. On a
 * tenant host the header carries the organization's name and mark (from
 * middleware's tenant headers: no query) instead of Tenantforge's marketing links.
 */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  const tenant = optionalTenantFromHeaders(requestHeaders);
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader user={headerUserOf(user)} tenant={tenant} />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
