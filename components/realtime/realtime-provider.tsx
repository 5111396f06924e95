'use client';

import type { SupabaseClient } from '@supabase/supabase-js';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

const RealtimeContext = createContext<SupabaseClient | null>(null);

/**
 * One Realtime client for the subtree (one WebSocket, opened at the first subscription).
 * Render it from a server component with `publicSupabaseConfig()`:
 * `<RealtimeProvider url={url} publishableKey={publishableKey}>…</RealtimeProvider>`.
 * supabase-js (about 250 kB) is loaded after hydration, in its own chunk, so pages that render
 * the provider without subscribing do not wait for it; until then the client is null.
 */
export function RealtimeProvider({ url, publishableKey, children }: { url: string; publishableKey: string; children: ReactNode }) {
  const [client, setClient] = useState<SupabaseClient | null>(null);
  useEffect(() => {
    let active = true;
    let created: SupabaseClient | null = null;
    import('@/lib/realtime/browser-client')
      .then(({ createBrowserRealtimeClient }) => {
        if (!active) return;
        created = createBrowserRealtimeClient({ url, publishableKey });
        setClient(created);
      })
      // A chunk that fails to load leaves the page without live updates, nothing worse.
      .catch(() => {});
    return () => {
      active = false;
      if (created) void created.removeAllChannels();
    };
  }, [url, publishableKey]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

/** The provider's client: null outside a RealtimeProvider and while supabase-js loads. */
export function useRealtimeClient(): SupabaseClient | null {
  return useContext(RealtimeContext);
}
