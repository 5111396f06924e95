import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { ThemeToggle } from './theme-toggle';

/** Where "Get started" leads: an account first, then the new workspace. */
export const GET_STARTED_HREF = '/sign-up?next=/new-organization';

/**
 * Header of the apex (marketing and auth) pages. Pass `signedIn` when the page
 * knows the visitor (the auth layout does); static pages show the sign-in links.
 */
export function SiteHeader({ children, signedIn = false }: { children?: React.ReactNode; signedIn?: boolean }) {
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-background/80 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-primary text-sm text-primary-foreground">
            T
          </span>
          {/* The wordmark gives way on the narrowest phones; the link keeps its name. */}
          <span className="max-[400px]:sr-only">Tenantforge</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 whitespace-nowrap sm:gap-2">
          {children}
          {signedIn ? (
            <Button asChild variant="ghost" size="sm">
              <Link href="/account">Account</Link>
            </Button>
          ) : (
            <>
              <Button asChild variant="ghost" size="sm">
                <Link href="/sign-in">Sign in</Link>
              </Button>
              <Button asChild size="sm">
                <Link href={GET_STARTED_HREF}>Get started</Link>
              </Button>
            </>
          )}
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
