'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { Menu, X } from 'lucide-react';
import { OrgMark } from '@/components/workspace/org-switcher';
import { SearchButton } from './search-button';
import { Sidebar, type ShellData } from './sidebar';

const iconButton = 'grid h-9 w-9 place-items-center rounded-md text-foreground transition-colors hover:bg-accent';

/**
 * Phones: a slim top bar (menu, organization, search) and the sidebar as a modal
 * drawer. Radix keeps focus inside while it is open and returns it to the menu
 * button; the shell closes it when the page changes.
 */
export function MobileNav({
  data,
  open,
  onOpenChange,
  onSearch,
}: {
  data: ShellData;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSearch: () => void;
}) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-surface/90 px-3 backdrop-blur md:hidden">
      <Dialog.Root open={open} onOpenChange={onOpenChange}>
        <Dialog.Trigger className={iconButton} aria-label="Open navigation">
          <Menu aria-hidden className="h-5 w-5" />
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-black/50 transition-opacity duration-200 motion-reduce:transition-none starting:opacity-0" />
          <Dialog.Content
            aria-describedby={undefined}
            className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] border-r border-border bg-surface shadow-2xl transition-transform duration-200 ease-out motion-reduce:transition-none starting:-translate-x-full"
          >
            <Dialog.Title className="sr-only">Navigation</Dialog.Title>
            <Sidebar
              data={data}
              collapsed={false}
              onSearch={onSearch}
              onNavigate={() => onOpenChange(false)}
              headerAction={
                <Dialog.Close className={iconButton} aria-label="Close navigation">
                  <X aria-hidden className="h-5 w-5" />
                </Dialog.Close>
              }
            />
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      <span className="flex min-w-0 flex-1 items-center gap-2">
        <OrgMark org={data.org} />
        <span className="truncate text-sm font-semibold">{data.org.name}</span>
      </span>
      <SearchButton onClick={onSearch} compact />
    </header>
  );
}
