import { Button } from '@/components/ui/button';
import { signOutAction } from '@/lib/auth/account-actions';

/** A signed-in user on a workspace they do not belong to. */
export function NotMember({ orgName, email, apexUrl }: { orgName: string; email: string; apexUrl: string }) {
  return (
    <main id="main" className="grid min-h-screen place-items-center px-4">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-bold">You are not a member of {orgName}</h1>
        <p className="mt-3 text-muted">
          You are signed in as <strong className="text-foreground">{email}</strong>. Ask an admin of {orgName} to invite
          this address, or sign in with another account.
        </p>
        <div className="mt-8 flex justify-center gap-3">
          <form action={signOutAction}>
            <input type="hidden" name="scope" value="local" />
            <Button type="submit">Use another account</Button>
          </form>
          <Button asChild variant="secondary">
            <a href={apexUrl}>Go to Tenantforge</a>
          </Button>
        </div>
      </div>
    </main>
  );
}
