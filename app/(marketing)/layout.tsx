import { Suspense } from 'react';
import { NoticeBanner } from '@/components/shell/notice-banner';
import { headerUserOf, SiteHeader } from '@/components/shell/site-header';
import { SiteFooter } from '@/components/shell/site-footer';
import { getCurrentUser } from '@/lib/auth/current-user';

/**
 * Apex marketing pages. The header knows the visitor: `getCurrentUser` reads the
 * session cookie and checks the token with the process-wide verifier (cached
 * keys); a visitor without a session cookie costs nothing (docs/decisions/0012).
 */
export default async function MarketingLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader user={headerUserOf(user)} />
      <Suspense fallback={null}>
        <NoticeBanner />
      </Suspense>
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
