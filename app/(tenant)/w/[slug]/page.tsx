import Link from 'next/link';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { getWorkspace } from '@/lib/workspace/workspace';

const roleSummaries: Record<string, string> = {
  owner: 'You own this organization: you manage members, settings, billing and can delete it.',
  admin: 'You are an admin: you invite and manage members, change settings and read the audit log.',
  member: 'You are a member: you create projects and tasks and assign work.',
  viewer: 'You are a viewer: you can see everything here but not change it.',
};

export default async function WorkspaceHome({ searchParams }: PageProps<'/w/[slug]'>) {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  const { tenant, membership, user } = workspace;
  const joined = (await searchParams).notice === 'joined';
  return (
    <div className="space-y-8">
      <FormMessage ok message={joined ? `You joined ${tenant.name}. Welcome aboard!` : undefined} />
      <div>
        <h1 className="text-2xl font-semibold">Welcome to {tenant.name}</h1>
        <p className="mt-1 text-muted">
          Signed in as {user.email}. {roleSummaries[membership.role]}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <Card title="People" body="See who works here and what they may do.">
          <Button asChild variant="secondary" size="sm">
            <Link href="/members">{workspace.can('members:invite') ? 'Invite and manage members' : 'View members'}</Link>
          </Button>
        </Card>
        {workspace.can('audit:read') ? (
          <Card title="Audit log" body="Every change to members, roles, invitations and settings, with who and when.">
            <Button asChild variant="secondary" size="sm">
              <Link href="/audit">Open the audit log</Link>
            </Button>
          </Card>
        ) : null}
        <Card title="Organization" body={`Your workspace address is ${tenant.slug}. Settings hold its name and address.`}>
          <Button asChild variant="secondary" size="sm">
            <Link href="/settings">Settings</Link>
          </Button>
        </Card>
      </div>
    </div>
  );
}

function Card({ title, body, children }: { title: string; body: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-border bg-surface p-5">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-muted">{body}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}
