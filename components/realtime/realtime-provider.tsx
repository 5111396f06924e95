'use client';

import type { SupabaseClient } from '@supabase/supabase-js';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createBrowserRealtimeClient } from '@/lib/realtime/browser-client';

const RealtimeContext = createContext<SupabaseClient | null>(null);

/**
 * One Realtime client for the subtree (one WebSocket, opened at the first subscription).
 * Render it from a server component with `publicSupabaseConfig()`:
 * `<RealtimeProvider url={url} publishableKey={publishableKey}>…</RealtimeProvider>`.
 */
export function RealtimeProvider({ url, publishableKey, children }: { url: string; publishableKey: string; children: ReactNode }) {
  const [client] = useState(() => createBrowserRealtimeClient({ url, publishableKey }));
  useEffect(() => () => void client.removeAllChannels(), [client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

/** The provider's client, or null outside a RealtimeProvider. */
export function useRealtimeClient(): SupabaseClient | null {
  return useContext(RealtimeContext);
}
