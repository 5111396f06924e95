'use client';

import { Search } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { cn } from '@/lib/cn';

const noSubscription = () => () => {};

/** "⌘K" on Apple devices, "Ctrl K" elsewhere (⌘K in the server's HTML, corrected on hydration). */
export function useShortcutLabel(): string {
  const apple = useSyncExternalStore(
    noSubscription,
    () => /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent),
    () => true,
  );
  return apple ? '⌘K' : 'Ctrl K';
}

/** Opens the command palette; shows its shortcut. `compact` is the icon alone (collapsed sidebar, phone bar). */
export function SearchButton({ onClick, compact = false, className }: { onClick: () => void; compact?: boolean; className?: string }) {
  const shortcut = useShortcutLabel();
  return (
    <button
      type="button"
      onClick={onClick}
      aria-keyshortcuts="Control+K Meta+K"
      aria-haspopup="dialog"
      title={compact ? `Search (${shortcut})` : undefined}
      className={cn(
        'flex h-9 items-center gap-2 rounded-md text-sm text-muted transition-colors hover:text-foreground',
        compact
          ? 'w-10 justify-center hover:bg-accent'
          : 'w-full border border-border bg-background px-2.5 shadow-xs hover:border-foreground/20',
        className,
      )}
    >
      <Search aria-hidden className="h-4 w-4 shrink-0" />
      <span className={compact ? 'sr-only' : 'flex-1 text-left'}>Search…</span>
      {compact ? null : (
        <kbd aria-hidden className="pointer-coarse:hidden rounded border border-border bg-surface px-1.5 py-px font-sans text-[11px] font-medium text-muted">
          {shortcut}
        </kbd>
      )}
    </button>
  );
}
