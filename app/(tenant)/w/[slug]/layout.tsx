import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { RealtimeProvider } from '@/components/realtime/realtime-provider';
import { AppShell } from '@/components/shell/app-shell';
import { isSidebarCollapsed, SIDEBAR_COOKIE } from '@/components/shell/sidebar-cookie';
import { SiteFooter } from '@/components/shell/site-footer';
import { NotMember } from '@/components/workspace/not-member';
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

/** Every workspace page inside the app shell (components/shell/app-shell.tsx). */
export default async function WorkspaceLayout({ children, params }: LayoutProps<'/w/[slug]'>) {
  const { slug } = await params;
  const workspace = await getWorkspace();
  if (workspace.tenant.slug !== slug) notFound();
  const apexUrl = apexOrigin(env().NEXT_PUBLIC_ROOT_DOMAIN);
  if (workspace.kind === 'not-member') {
    return <NotMember orgName={workspace.tenant.name} email={workspace.user.email} apexUrl={apexUrl} />;
  }
  const { tenant, user, membership } = workspace;
  const [orgs, cookieStore] = await Promise.all([
    withRls(rlsClaimsOf(user), (tx) => listOrganizationsForUser(tx)),
    cookies(),
  ]);
  // One Realtime client per workspace, around the shell (the bell is live) and the pages (LiveRefresh).
  return (
    <RealtimeProvider {...publicSupabaseConfig()}>
      <AppShell
        org={{ id: tenant.id, slug: tenant.slug, name: tenant.name, role: membership.role }}
        orgs={orgs.map((o) => ({ id: o.id, slug: o.slug, name: o.name, role: o.role }))}
        apexUrl={apexUrl}
        user={{ id: user.id, email: user.email, name: user.name, role: membership.role }}
        permissions={membership.permissions}
        defaultCollapsed={isSidebarCollapsed(cookieStore.get(SIDEBAR_COOKIE)?.value)}
        footer={<SiteFooter />}
      >
        {children}
      </AppShell>
    </RealtimeProvider>
  );
}
