import { z } from 'zod';

/**
 * An id from a route's path segment (`/api/approvals/[id]`, merged into the input by
 * tenantApiRoute): any short text here, so a malformed id reaches the service, which answers
 * it exactly like a missing row (404), never with a different error.
 */
export const pathIdSchema = z.string('The id must be text.').max(100, 'Not found.');
