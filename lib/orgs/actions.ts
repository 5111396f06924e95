'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { formFields } from '@/lib/auth/form-data';
import type { FormState } from '@/lib/forms/form-state';
import { isAppError } from '@/lib/errors';
import { handoffUrl } from '@/lib/handoff/go-to-host';
import { requestContextFrom } from '@/lib/request/request-context';
import { log } from '@/lib/log';
import { rateLimitRefusal } from '@/lib/rate-limit/limiter';
import { translateDbError } from '@/lib/db/errors';
import { createOrganization } from '@/lib/orgs/service';
import { fieldErrorsFromDetails } from '@/lib/validation/parse-input';

/** Creates the organization with the signed-in user as owner, then signs them in on its host. */
export async function createOrganizationAction(_: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const values = { name: fields.name ?? '', slug: fields.slug ?? '' };
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?next=/new-organization');
  const context = requestContextFrom(await headers());
  const refusal = await rateLimitRefusal('create_organization', { ip: context.ip ?? null, account: user.id });
  if (refusal) return { message: refusal, values };
  let slug: string;
  try {
    const org = await createOrganization({ userId: user.id, name: values.name, slug: values.slug }, context);
    slug = org.slug;
  } catch (caught) {
    const error = translateDbError(caught);
    if (!isAppError(error)) {
      log.error('create organization failed', { requestId: context.requestId, error });
      return { message: 'Something went wrong on our side. Please try again.', values };
    }
    const fieldErrors = fieldErrorsFromDetails(error.details, error.message);
    return fieldErrors ? { fieldErrors, values } : { message: error.message, values };
  }
  redirect(await handoffUrl(user.id, slug));
}
