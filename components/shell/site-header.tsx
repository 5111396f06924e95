import { ArrowRight, LayoutGrid } from 'lucide-react';
import Link from 'next/link';
import { AccountMenu, type MenuUser } from '@/components/auth/account-menu';
import { BrandMark } from '@/components/brand/brand-mark';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';

/** Where "Get started" leads: an account first, then the new workspace. */
export const GET_STARTED_HREF = '/sign-up?next=/new-organization';

export interface HeaderTenant {
  id: string;
  name: string;
}

/**
 * Header of the apex pages (marketing and auth) and of the auth pages on a
 * tenant host. The layouts pass the signed-in user (from the verified token:
 * no database read) and, on a tenant host, the organization:
 * - apex, signed out: "Sign in" and "Get started";
 * - apex, signed in: "Your workspaces" and the account menu;
 * - tenant host: the organization's name and mark instead of Tenantforge's, and
 *   no marketing links (signed in: a way back into the workspace and the menu).
 */
export function SiteHeader({ user, tenant }: { user?: MenuUser | null; tenant?: HeaderTenant | null }) {
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-background/80 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4">
        {tenant ? (
          <Link href="/" className="flex min-w-0 items-center gap-2 font-semibold">
            <Avatar id={tenant.id} name={tenant.name} size="sm" className="rounded-md" />
            <span className="truncate">{tenant.name}</span>
          </Link>
        ) : (
          <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold">
            <BrandMark />
            {/* The wordmark gives way on the narrowest phones; the link keeps its name. */}
            <span className="max-[400px]:sr-only">Tenantforge</span>
          </Link>
        )}
        <nav aria-label="Main" className="flex shrink-0 items-center gap-1 whitespace-nowrap sm:gap-2">
          {user ? (
            <>
              {tenant ? (
                <Button asChild variant="ghost" size="sm">
                  <Link href="/">
                    Go to workspace
                    <ArrowRight aria-hidden className="h-4 w-4" />
                  </Link>
                </Button>
              ) : (
                <Button asChild variant="ghost" size="sm">
                  <Link href="/workspaces">
                    <LayoutGrid aria-hidden className="h-4 w-4 text-muted" />
                    Your workspaces
                  </Link>
                </Button>
              )}
              <AccountMenu user={user} />
            </>
          ) : tenant ? null : (
            <>
              <Button asChild variant="ghost" size="sm">
                <Link href="/sign-in">Sign in</Link>
              </Button>
              <Button asChild size="sm">
                <Link href={GET_STARTED_HREF}>Get started</Link>
              </Button>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

/** The header's view of the signed-in user: only what the menu shows (no token claims reach the browser). */
export function headerUserOf(user: MenuUser | null): MenuUser | null {
  return user ? { id: user.id, email: user.email, name: user.name } : null;
}
