import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { nonceOf } from '@/lib/request/content-security-policy';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Tenantforge', template: '%s · Tenantforge' },
  description:
    'Configure industry templates with an AI assistant, deploy them as working apps, and run the work through tasks and approvals.',
};

/**
 * Every page renders per request: its scripts carry this request's CSP nonce
 * (middleware.ts), which the theme script needs too.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = nonceOf(await headers());
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
          Skip to content
        </a>
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
