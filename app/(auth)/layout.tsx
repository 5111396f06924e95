import { SiteHeader } from '@/components/shell/site-header';
import { getCurrentUser } from '@/lib/auth/current-user';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader signedIn={Boolean(user)} />
      <main id="main" className="flex-1">
        {children}
      </main>
    </div>
  );
}
