'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';

const availabilitySchema = z.object({ available: z.boolean(), reason: z.string().nullable() });

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
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/orgs/slug-availability?slug=${encodeURIComponent(debounced)}`, { signal });
      if (!response.ok) throw new Error('check failed');
      return availabilitySchema.parse(await response.json());
    },
  });
}

export function SlugStatus({ slug, rootDomain }: { slug: string; rootDomain: string }) {
  const { data, isFetching, isError } = useSlugAvailability(slug);
  if (!slug) return <p className="text-xs text-muted">Your workspace address: &lt;subdomain&gt;.{rootDomain}</p>;
  if (isError) return <p className="text-xs text-muted">Could not check right now; we check again when you submit.</p>;
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
