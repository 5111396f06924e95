import { ArrowRight } from 'lucide-react';
import { SubmitButton } from '@/components/forms/submit-button';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import type { OrganizationForUser } from '@/lib/orgs/queries';
import { switchOrganizationAction } from '@/lib/workspace/switch-action';
import { RoleBadge } from '@/components/members/roles';

/**
 * The user's organizations, one row each: mark, name, address, role, and
 * "Open", which signs them in on that organization's host through a handoff
 * code (a form, so it works without JavaScript too). The organization of the
 * host this page is on opens with a plain link: that session already exists.
 */
export function WorkspaceList({ orgs, rootDomain, currentSlug }: { orgs: OrganizationForUser[]; rootDomain: string; currentSlug?: string }) {
  return (
    <ul aria-label="Your organizations" className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface">
      {orgs.map((org) => (
        <li key={org.id} className="flex items-center gap-3 px-4 py-4 sm:gap-4 sm:px-5">
          <Avatar id={org.id} name={org.name} size="md" className="rounded-lg" />
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="truncate font-medium">{org.name}</span>
              <RoleBadge role={org.role} />
            </p>
            <p className="mt-0.5 truncate text-sm text-muted">{`${org.slug}.${rootDomain}`}</p>
          </div>
          {org.slug === currentSlug ? (
            <Button asChild variant="secondary" size="sm">
              <a href="/" aria-label={`Open ${org.name}`}>
                <span className="max-sm:sr-only">Open</span>
                <ArrowRight aria-hidden className="h-4 w-4" />
              </a>
            </Button>
          ) : (
            <form action={switchOrganizationAction.bind(null, org.slug)}>
              <SubmitButton variant="secondary" size="sm" aria-label={`Open ${org.name}`}>
                <span className="max-sm:sr-only">Open</span>
                <ArrowRight aria-hidden className="h-4 w-4" />
              </SubmitButton>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
