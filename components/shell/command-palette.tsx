'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { CornerDownLeft, LoaderCircle, Plus, Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { OrgMark, type SwitcherOrg } from '@/components/workspace/org-switcher';
import { switchOrganizationAction } from '@/lib/workspace/switch-action';
import type { NavItem } from './nav-items';
import { paletteFilter } from './palette-filter';
import { useMemberDirectory } from './use-member-directory';

const itemClasses =
  'flex h-10 cursor-pointer select-none items-center gap-3 rounded-md px-2.5 text-sm text-foreground ' +
  'data-[selected=true]:bg-accent data-[disabled=true]:cursor-default data-[disabled=true]:opacity-50';

/**
 * Ctrl/Cmd-K: jump to a page (the same nav list as the sidebar), another
 * organization (the org switcher's handoff) or a member (their row on the members
 * page). Members load when it opens, for those who may read them.
 */
export function CommandPalette({
  open,
  onOpenChange,
  pages,
  current,
  orgs,
  apexUrl,
  canReadMembers,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pages: NavItem[];
  current: SwitcherOrg;
  orgs: SwitcherOrg[];
  apexUrl: string;
  canReadMembers: boolean;
  /** The element to focus again on close (the palette has no Dialog.Trigger for Radix to return to). */
  returnFocus: () => HTMLElement | null;
}) {
  const router = useRouter();
  const [search, setSearch] = useState('');
  const [switchingTo, setSwitchingTo] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const directory = useMemberDirectory(open && canReadMembers, search);
  const otherOrgs = orgs.filter((org) => org.slug !== current.slug);

  const close = () => {
    onOpenChange(false);
    setSearch('');
  };
  const go = (href: string) => {
    close();
    router.push(href);
  };
  const switchTo = (org: SwitcherOrg) => {
    setSwitchingTo(org.name);
    startTransition(() => switchOrganizationAction(org.slug));
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40 backdrop-blur-[1px] animate-fade-in" />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            const target = returnFocus();
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
          className="fixed left-1/2 top-[12vh] z-50 w-[calc(100%-1.5rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border border-border bg-surface shadow-2xl animate-slide-up"
        >
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <Dialog.Description className="sr-only">
            Type to find a page, an organization or a member. Arrow keys move through the results, Enter opens one, Escape closes.
          </Dialog.Description>
          <Command
            label="Search pages, organizations and members"
            loop
            vimBindings={false}
            filter={paletteFilter}
            className="[&_[cmdk-group-heading]]:px-2.5 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-[11px] [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:tracking-wider [&_[cmdk-group-heading]]:text-muted"
          >
            <div className="flex items-center gap-3 border-b border-border px-4">
              <Search aria-hidden className="h-4 w-4 shrink-0 text-muted" />
              <Command.Input
                value={search}
                onValueChange={setSearch}
                placeholder="Search pages, organizations, members…"
                className="h-12 min-w-0 flex-1 bg-transparent text-sm outline-none placeholder:text-muted focus-visible:outline-none"
              />
              <kbd className="hidden rounded border border-border px-1.5 py-0.5 font-sans text-[11px] text-muted sm:inline">Esc</kbd>
            </div>
            <Command.List className="max-h-[min(60vh,26rem)] overflow-y-auto overscroll-contain p-2">
              {switchingTo ? (
                <Command.Loading label={`Opening ${switchingTo}`}>
                  <Status>Opening {switchingTo}…</Status>
                </Command.Loading>
              ) : null}
              {canReadMembers && directory.loading ? null : (
                <Command.Empty className="px-3 py-10 text-center">
                  <p className="text-sm font-medium">No results</p>
                  <p className="mt-1 text-xs text-muted">
                    {canReadMembers ? 'Try the name of a page, an organization or a person.' : 'Try the name of a page or an organization.'}
                  </p>
                </Command.Empty>
              )}
              <Command.Group heading="Pages">
                {pages.map((page) => {
                  const Icon = page.icon;
                  return (
                    <Command.Item key={page.id} value={page.label} keywords={page.keywords} onSelect={() => go(page.href)} className={itemClasses}>
                      <Icon aria-hidden className="h-4 w-4 shrink-0 text-muted" />
                      <span className="flex-1 truncate">{page.label}</span>
                      <Hint />
                    </Command.Item>
                  );
                })}
              </Command.Group>
              <Command.Group heading="Organizations">
                {otherOrgs.map((org) => (
                  <Command.Item
                    key={org.slug}
                    value={`${org.name} (${org.slug})`}
                    keywords={['organization', 'switch', org.slug]}
                    disabled={switchingTo !== null}
                    onSelect={() => switchTo(org)}
                    className={itemClasses}
                  >
                    <OrgMark org={org} size="xs" />
                    <span className="flex-1 truncate">
                      Switch to {org.name}
                    </span>
                    <span className="text-xs capitalize text-muted">{org.role}</span>
                  </Command.Item>
                ))}
                <Command.Item
                  value="Create an organization"
                  keywords={['new', 'organization', 'workspace']}
                  onSelect={() => {
                    close();
                    window.location.assign(`${apexUrl}/new-organization`);
                  }}
                  className={itemClasses}
                >
                  <Plus aria-hidden className="h-4 w-4 shrink-0 text-muted" />
                  <span className="flex-1 truncate">Create an organization</span>
                </Command.Item>
              </Command.Group>
              {canReadMembers ? (
                <Command.Group heading="Members">
                  {directory.members.map((member) => (
                    <Command.Item
                      key={member.userId}
                      value={`${member.name || member.email} <${member.email}>`}
                      keywords={[member.email, member.role]}
                      onSelect={() => go(`/members?q=${encodeURIComponent(member.email)}`)}
                      className={itemClasses}
                    >
                      <Avatar id={member.userId} name={member.name || member.email} size="xs" />
                      <span className="min-w-0 flex-1 truncate">
                        {member.name ? <span>{member.name}</span> : null}
                        <span className={member.name ? 'ml-2 text-muted' : undefined}>{member.email}</span>
                      </span>
                      <span className="text-xs capitalize text-muted">{member.role}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              ) : null}
              {/* Outside the group: cmdk hides a group while none of its items match. */}
              {canReadMembers && directory.loading ? (
                <Command.Loading label="Loading members">
                  <Status>Loading members…</Status>
                </Command.Loading>
              ) : null}
              {canReadMembers && directory.failed ? (
                <p role="status" className="px-2.5 py-2 text-sm text-muted">
                  Members could not be loaded. Close and try again.
                </p>
              ) : null}
            </Command.List>
            <div aria-hidden className="flex items-center gap-4 border-t border-border px-4 py-2 text-[11px] text-muted">
              <span><Key>↑</Key> <Key>↓</Key> to move</span>
              <span><Key>↵</Key> to open</span>
              <span className="ml-auto"><Key>Esc</Key> to close</span>
            </div>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function Status({ children }: { children: React.ReactNode }) {
  return (
    <span className="flex items-center gap-2 px-2.5 py-2 text-sm text-muted">
      <LoaderCircle aria-hidden className="h-4 w-4 animate-spin" />
      {children}
    </span>
  );
}

/** Shown on the selected row only. */
function Hint() {
  return <CornerDownLeft aria-hidden className="h-3.5 w-3.5 text-muted opacity-0 [[data-selected=true]_&]:opacity-100" />;
}

function Key({ children }: { children: React.ReactNode }) {
  return <kbd className="rounded border border-border bg-background px-1 font-sans">{children}</kbd>;
}
