'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';

const memberSchema = z.object({ userId: z.string(), email: z.string(), name: z.string().nullable().catch(null), role: z.string() });
const pageSchema = z.object({ data: z.array(memberSchema), nextCursor: z.string().nullable() });
export type DirectoryMember = z.infer<typeof memberSchema>;

/** The page size of GET /api/admin/users at most: small organizations arrive whole. */
const FIRST_PAGE = 100;

async function fetchMembers(search: string, signal: AbortSignal) {
  const params = new URLSearchParams({ limit: String(FIRST_PAGE), ...(search ? { search } : {}) });
  const response = await fetch(`/api/admin/users?${params}`, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`members: ${response.status}`);
  return pageSchema.parse(await response.json());
}

/**
 * Members for the command palette, from GET /api/admin/users (members:read), fetched
 * only once the palette opens (`enabled`). The first 100 are filtered in the browser;
 * when the organization has more, the typed text also goes to the server (debounced).
 */
export function useMemberDirectory(enabled: boolean, search: string) {
  const [debounced, setDebounced] = useState(search);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim().slice(0, 100)), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const first = useQuery({
    queryKey: ['palette-members', ''],
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) => fetchMembers('', signal),
  });
  const needsServer = enabled && first.data?.nextCursor != null && debounced !== '';
  const searched = useQuery({
    queryKey: ['palette-members', debounced],
    enabled: needsServer,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => fetchMembers(debounced, signal),
  });
  const members = new Map<string, DirectoryMember>();
  for (const member of [...(first.data?.data ?? []), ...(needsServer ? (searched.data?.data ?? []) : [])]) {
    members.set(member.userId, member);
  }
  return {
    members: [...members.values()],
    loading: first.isPending || (needsServer && searched.isFetching),
    failed: first.isError,
  };
}
