import { z } from 'zod';

/**
 * Who asked, as the database stamps it on audit entries (app.request_id,
 * app.client_ip, app.user_agent). The request id is the server's own; the ip
 * comes from the trusted proxy chain only. An ip that does not parse is stored
 * as null rather than failing the request; a long user agent is cut to 512.
 */
export const requestContextSchema = z.object({
  requestId: z.string().trim().min(1, 'A request id is required.').max(128),
  ip: z.union([z.ipv4(), z.ipv6()]).nullable().catch(null),
  userAgent: z
    .string()
    .nullable()
    .transform((ua) => (ua === null ? null : ua.slice(0, 512))),
});
export type RequestContext = z.input<typeof requestContextSchema>;

/** The settings values for a context (empty strings for "none"). */
export function contextSettings(context: RequestContext | undefined): [string, string, string] {
  if (!context) return ['', '', ''];
  const parsed = requestContextSchema.safeParse(context);
  if (!parsed.success) return ['', '', ''];
  return [parsed.data.requestId, parsed.data.ip ?? '', parsed.data.userAgent ?? ''];
}
