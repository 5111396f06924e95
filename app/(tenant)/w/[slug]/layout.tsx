import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RealtimeProvider } from '@/components/realtime/realtime-provider';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { NotMember } from '@/components/workspace/not-member';
import { OrgSwitcher } from '@/components/workspace/org-switcher';
import { UserMenu } from '@/components/workspace/user-menu';
import { WorkspaceNav, type NavItem } from '@/components/workspace/workspace-nav';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { env } from '@/lib/env';
import { listOrganizationsForUser } from '@/lib/orgs/queries';
import { publicSupabaseConfig } from '@/lib/supabase/config';
import { apexOrigin } from '@/lib/tenancy/host';
import { getWorkspace } from '@/lib/workspace/workspace';

export async function generateMetadata(): Promise<Metadata> {
  const workspace = await getWorkspace();
  return { title: { default: workspace.tenant.name, template: `%s · ${workspace.tenant.name}` } };
}

export default async function WorkspaceLayout({ children, params }: LayoutProps<'/w/[slug]'>) {
  const { slug } = await params;
  const workspace = await getWorkspace();
  if (workspace.tenant.slug !== slug) notFound();
  const apexUrl = apexOrigin(env().NEXT_PUBLIC_ROOT_DOMAIN);
  if (workspace.kind === 'not-member') {
    return <NotMember orgName={workspace.tenant.name} email={workspace.user.email} apexUrl={apexUrl} />;
  }
  const orgs = await withRls(rlsClaimsOf(workspace.user), (tx) => listOrganizationsForUser(tx));
  const nav: NavItem[] = [
    { href: '/', label: 'Overview' },
    ...(workspace.can('members:read') ? [{ href: '/members', label: 'Members' }] : []),
    ...(workspace.can('audit:read') ? [{ href: '/audit', label: 'Audit log' }] : []),
    { href: '/settings', label: 'Settings' },
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4">
          <OrgSwitcher
            current={{ slug: workspace.tenant.slug, name: workspace.tenant.name, role: workspace.membership.role }}
            orgs={orgs.map((o) => ({ slug: o.slug, name: o.name, role: o.role }))}
            apexUrl={apexUrl}
          />
          <div className="flex items-center gap-1">
            <ThemeToggle />
            <UserMenu email={workspace.user.email} role={workspace.membership.role} />
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-4 pb-2">
          <WorkspaceNav items={nav} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {/* One Realtime client per workspace: pages add live topics (LiveRefresh). */}
        <RealtimeProvider {...publicSupabaseConfig()}>{children}</RealtimeProvider>
      </main>
    </div>
  );
}
