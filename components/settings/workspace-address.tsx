import { ExternalLink } from 'lucide-react';
import { tenantOrigin } from '@/lib/tenancy/host';

/** The organization's full address as a link (e.g. acme.example.com), built the one way tenant URLs are. */
export function WorkspaceAddress({ slug, rootDomain }: { slug: string; rootDomain: string }) {
  const origin = tenantOrigin(slug, rootDomain);
  return (
    <a href={origin} className="inline-flex min-w-0 items-center gap-1.5 font-medium text-primary hover:underline">
      <span className="[overflow-wrap:anywhere]">{origin.replace(/^https?:\/\//, '')}</span>
      <ExternalLink aria-hidden className="h-3.5 w-3.5 shrink-0" />
    </a>
  );
}
