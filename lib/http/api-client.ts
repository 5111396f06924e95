/**
 * The browser's way to call the app's JSON API: same-origin, JSON in and out, and any
 * `{ error: { code, message } }` answer thrown as an ApiClientError whose message can be
 * shown as is. A network failure becomes a message too, never a raw TypeError.
 */
export class ApiClientError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiClientError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: { body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal: options.signal,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiClientError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiClientError(response.status, error?.code ?? 'internal', error?.message ?? 'Something went wrong on our side. Please try again.', error?.details);
  }
  return payload as T;
}
