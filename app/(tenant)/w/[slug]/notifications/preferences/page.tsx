import type { Metadata } from 'next';
import { PreferencesForm } from '@/components/notifications/preferences-form';
import { PageHeader } from '@/components/ui/page-header';
import { rlsClaimsOf } from '@/lib/auth/claims';
import { withRls } from '@/lib/db';
import { getPreferences } from '@/lib/notifications/preferences';
import { getWorkspace } from '@/lib/workspace/workspace';

export const metadata: Metadata = { title: 'Notification preferences' };

/** Which events reach the member on which channel (in-app, email, and the org's Slack and webhooks). */
export default async function NotificationPreferencesPage() {
  const workspace = await getWorkspace();
  if (workspace.kind !== 'member') return null;
  const preferences = await withRls(rlsClaimsOf(workspace.user), (tx) => getPreferences(tx, { orgId: workspace.tenant.id }));
  return (
    <div>
      <PageHeader
        title="Notification preferences"
        breadcrumbs={[{ label: 'Notifications', href: '/notifications' }, { label: 'Preferences' }]}
        description="Choose which events reach you, and where. Email goes to your address; Slack and webhooks reach you only when your admins have set those channels up."
      />
      <PreferencesForm initial={preferences} />
    </div>
  );
}
