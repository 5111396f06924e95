import Link from 'next/link';
import { ThemeToggle } from './theme-toggle';

/** Header of the apex (marketing) pages. */
export function SiteHeader({ children }: { children?: React.ReactNode }) {
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-background/80 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-primary text-primary-foreground text-sm">
            T
          </span>
          Tenantforge
        </Link>
        <nav aria-label="Main" className="flex items-center gap-2">
          {children}
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
