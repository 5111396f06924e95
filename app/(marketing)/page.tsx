import Link from 'next/link';
import { FeatureGrid } from '@/components/marketing/feature-grid';
import { IndustryCards } from '@/components/marketing/industry-cards';
import { GET_STARTED_HREF } from '@/components/shell/site-header';
import { Button } from '@/components/ui/button';
import { getCurrentUser } from '@/lib/auth/current-user';

export default async function LandingPage() {
  // The layout already read the user: cache() makes this the same verified token, no second check.
  const signedIn = Boolean(await getCurrentUser());
  return (
    <>
      <section className="mx-auto max-w-6xl px-4 pb-16 pt-20 text-center">
        <p className="text-sm font-medium text-primary">The enterprise AI application platform</p>
        <h1 className="mx-auto mt-3 max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
          Turn industry templates into working apps for your organization
        </h1>
        <p className="mx-auto mt-5 max-w-2xl text-lg text-muted">
          Tenantforge gives each organization its own workspace. Your people chat with an AI assistant to configure
          healthcare, finance or e-commerce templates, deploy them as projects, and run the work through tasks and
          approvals, with roles, audit and billing built in.
        </p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          {signedIn ? (
            <>
              <Button asChild size="lg">
                <Link href="/workspaces">Go to your workspaces</Link>
              </Button>
              <Button asChild size="lg" variant="secondary">
                <Link href="/new-organization">Create a workspace</Link>
              </Button>
            </>
          ) : (
            <>
              <Button asChild size="lg">
                <Link href={GET_STARTED_HREF}>Create your workspace</Link>
              </Button>
              <Button asChild size="lg" variant="secondary">
                <a href="#templates">Explore templates</a>
              </Button>
            </>
          )}
        </div>
      </section>
      <section id="templates" aria-labelledby="templates-title" className="mx-auto max-w-6xl scroll-mt-20 px-4 pb-16">
        <h2 id="templates-title" className="text-2xl font-semibold">Start from your industry</h2>
        <p className="mt-2 text-muted">Each template is a starting point the assistant tailors to your team.</p>
        <div className="mt-6">
          <IndustryCards />
        </div>
      </section>
      <section id="how-it-works" aria-labelledby="how-title" className="mx-auto max-w-6xl scroll-mt-20 px-4 pb-20">
        <h2 id="how-title" className="text-2xl font-semibold">Everything a team needs around the app</h2>
        <div className="mt-6">
          <FeatureGrid />
        </div>
      </section>
    </>
  );
}
