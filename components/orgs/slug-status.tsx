'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';

const availabilitySchema = z.object({ available: z.boolean(), reason: z.string().nullable() });
const refusalSchema = z.object({ error: z.object({ message: z.string() }) });

/** A 429 from the check: its message says how long to wait. */
class CheckRefused extends Error {}

/** Debounced live check of a subdomain against GET /api/orgs/slug-availability. */
export function useSlugAvailability(slug: string) {
  const [debounced, setDebounced] = useState(slug);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(slug), 300);
    return () => clearTimeout(timer);
  }, [slug]);
  return useQuery({
    queryKey: ['slug-availability', debounced],
    enabled: debounced.length > 0,
    staleTime: 5_000,
    retry: (failures, error) => !(error instanceof CheckRefused) && failures < 3,
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/orgs/slug-availability?slug=${encodeURIComponent(debounced)}`, { signal });
      if (response.status === 429) {
        const refusal = refusalSchema.safeParse(await response.json().catch(() => null));
        throw new CheckRefused(refusal.success ? refusal.data.error.message : 'Too many checks.');
      }
      if (!response.ok) throw new Error('check failed');
      return availabilitySchema.parse(await response.json());
    },
  });
}

export function SlugStatus({ slug, rootDomain }: { slug: string; rootDomain: string }) {
  const { data, isFetching, isError, error } = useSlugAvailability(slug);
  if (!slug) return <p className="text-xs text-muted">Your workspace address: &lt;subdomain&gt;.{rootDomain}</p>;
  if (isError) {
    const text = error instanceof CheckRefused ? `${error.message} We check again when you submit.` : 'Could not check right now; we check again when you submit.';
    return <p className="text-xs text-muted">{text}</p>;
  }
  if (!data || isFetching) return <p className="text-xs text-muted" aria-live="polite">Checking {slug}.{rootDomain}…</p>;
  return data.available ? (
    <p className="text-xs text-success" aria-live="polite">
      ✓ {slug}.{rootDomain} is available
    </p>
  ) : (
    <p className="text-xs text-danger" aria-live="polite">
      {data.reason}
    </p>
  );
}
