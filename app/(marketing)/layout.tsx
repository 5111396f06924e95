import { SiteFooter } from '@/components/shell/site-footer';
import { Suspense } from 'react';
import { NoticeBanner } from '@/components/shell/notice-banner';
import { SiteHeader } from '@/components/shell/site-header';

export default function MarketingLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
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
