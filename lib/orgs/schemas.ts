import { z } from 'zod';
import { idSchema } from '@/lib/permissions/schemas';
import { isReservedSlug } from './reserved-slugs';

/** One message per rule, so forms can say exactly what is wrong. */
export const slugMessages = {
  tooShort: 'The subdomain must be at least 3 characters.',
  tooLong: 'The subdomain must be at most 40 characters.',
  characters: 'Use only lowercase letters a-z, digits and hyphens.',
  edgeHyphen: 'The subdomain cannot start or end with a hyphen.',
  doubleHyphen: 'The subdomain cannot contain two hyphens in a row.',
  reserved: 'This subdomain is reserved.',
  taken: 'This subdomain is already taken.',
} as const;

/** A tenant subdomain. Input is trimmed and lower-cased first ("Acme" becomes "acme"). */
export const slugSchema = z
  .string({ error: 'The subdomain is required.' })
  .trim()
  .toLowerCase()
  .min(3, slugMessages.tooShort)
  .max(40, slugMessages.tooLong)
  .regex(/^[a-z0-9-]*$/, slugMessages.characters)
  .refine((s) => !s.startsWith('-') && !s.endsWith('-'), slugMessages.edgeHyphen)
  .refine((s) => !s.includes('--'), slugMessages.doubleHyphen)
  .refine((s) => !isReservedSlug(s), slugMessages.reserved);

export const organizationNameSchema = z
  .string({ error: 'The name is required.' })
  .trim()
  .min(1, 'The name is required.')
  .max(100, 'The name must be at most 100 characters.')
  .regex(/^[^\p{Cc}]*$/u, 'The name cannot contain control characters.');

export const createOrganizationSchema = z.object({
  userId: idSchema,
  name: organizationNameSchema,
  slug: slugSchema,
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export const updateOrganizationSchema = z
  .object({
    orgId: idSchema,
    name: organizationNameSchema.optional(),
    slug: slugSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.slug !== undefined, { message: 'Nothing to change.' });
export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;

export const deleteOrganizationSchema = z.object({
  orgId: idSchema,
  confirmation: z.string({ error: 'Type the subdomain to confirm.' }).max(100),
});
export type DeleteOrganizationInput = z.input<typeof deleteOrganizationSchema>;
