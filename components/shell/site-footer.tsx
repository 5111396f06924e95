import { BrandMark } from '@/components/brand/brand-mark';
import { ThemeSwitcher } from './theme-switcher';

/**
 * The one footer of the app: the apex (marketing and auth pages) and every
 * tenant workspace render this same component. It holds the theme control,
 * so the control sits in the same place on every host.
 */
export function SiteFooter() {
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-5 text-sm text-muted">
        <p className="flex items-center gap-2">
          <BrandMark className="h-5 w-5" />
          <span>
            <span className="font-medium text-foreground">Tenantforge</span> © {new Date().getFullYear()}
          </span>
        </p>
        <div className="flex items-center gap-3">
          <span aria-hidden className="hidden text-xs sm:inline">Theme</span>
          <ThemeSwitcher />
        </div>
      </div>
    </footer>
  );
}
