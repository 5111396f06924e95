import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { EmailAddress } from '@/components/auth/email-address';
import { CreateOrgForm } from '@/components/orgs/create-org-form';
import { requireUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Create your workspace' };

export default async function NewOrganizationPage() {
  const user = await requireUser('/new-organization');
  return (
    <AuthCard
      title="Create your workspace"
      description={
        <>
          Your organization gets its own address. You (<EmailAddress email={user.email} />) will be its owner.
        </>
      }
    >
      <CreateOrgForm rootDomain={env().NEXT_PUBLIC_ROOT_DOMAIN} />
    </AuthCard>
  );
}
