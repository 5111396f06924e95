import { Plus } from 'lucide-react';
import Link from 'next/link';
import { SubmitButton } from '@/components/forms/submit-button';
import { Button, type ButtonProps } from '@/components/ui/button';
import { openApexPageAction } from '@/lib/workspace/apex-action';

/**
 * "Create an organization": organizations are created on the apex. There it is
 * a link; on a tenant host a form that crosses to the apex signed in (handoff).
 */
export function CreateOrganizationButton({ label, onTenantHost, variant }: { label: string; onTenantHost: boolean; variant?: ButtonProps['variant'] }) {
  const content = (
    <>
      <Plus aria-hidden className="h-4 w-4" />
      {label}
    </>
  );
  if (!onTenantHost) {
    return (
      <Button asChild variant={variant}>
        <Link href="/new-organization">{content}</Link>
      </Button>
    );
  }
  return (
    <form action={openApexPageAction.bind(null, '/new-organization')}>
      <SubmitButton variant={variant} pendingText="Opening…">
        {content}
      </SubmitButton>
    </form>
  );
}
