import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { ApprovalType } from '../registry';

export const customPayloadSchema = z.object({
  details: z.string('Details must be text.').trim().max(5000, 'Details at most 5000 characters.').default(''),
});
export type CustomPayload = z.infer<typeof customPayloadSchema>;

/** A sign-off on free text: any member with approvals:create asks; approving applies nothing. */
export const customApproval: ApprovalType<CustomPayload> = {
  type: 'custom',
  label: 'Sign-off',
  payloadSchema: customPayloadSchema,
  defaultPolicy: { required: true, approverRole: 'admin', approverIds: [], quorum: 1, expiryHours: 72 },
  async prepare(_tx, _requester, _payload, subject) {
    if (!subject) throw new AppError('validation_failed', 'Give the request a subject.', { field: 'subject' });
    return { subject };
  },
  summarize: (payload) => (payload.details ? [{ label: 'Details', value: payload.details }] : []),
  async apply() {
    return [];
  },
};
