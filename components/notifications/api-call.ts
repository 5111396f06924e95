'use client';

import { notify } from '@/components/ui/toast';

/** Calls a JSON API route of this tenant; shows the error's message in a toast and returns null on failure. */
export async function apiCall<T = unknown>(method: string, path: string, body?: unknown): Promise<T | null> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 204) return {} as T;
    const json = (await response.json()) as { data?: T; error?: { message: string } };
    if (!response.ok) {
      notify({ title: json.error?.message ?? 'That did not work.', tone: 'error' });
      return null;
    }
    return (json.data ?? json) as T;
  } catch {
    notify({ title: 'The server could not be reached. Try again.', tone: 'error' });
    return null;
  }
}
