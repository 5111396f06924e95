import postgres from 'postgres';
import { AppError } from '@/lib/errors';

/**
 * Database guards (RLS, constraints, the role-rule triggers) are the guarantee;
 * services check first to give clear errors. When a guard fires anyway (a race,
 * a bug in a check), this turns it into the same AppError vocabulary.
 */
const byConstraint: Record<string, AppError> = {
  organizations_slug_key: new AppError('conflict', 'That subdomain is already taken.', { field: 'slug' }),
  organizations_slug_not_reserved: new AppError('validation_failed', 'That subdomain is reserved.', { field: 'slug' }),
  organizations_slug_format: new AppError('validation_failed', 'That subdomain is not valid.', { field: 'slug' }),
  organizations_slug_length: new AppError('validation_failed', 'The subdomain must be 3 to 40 characters.', { field: 'slug' }),
  organizations_name_length: new AppError('validation_failed', 'The name must be 1 to 100 characters.', { field: 'name' }),
  memberships_pkey: new AppError('conflict', 'That person is already a member.'),
  memberships_last_owner: new AppError(
    'conflict',
    'An organization needs at least one owner: transfer ownership first or delete the organization.',
  ),
  invitations_one_pending_per_email: new AppError('conflict', 'That email already has a pending invitation.', { field: 'email' }),
  audit_log_append_only: new AppError('forbidden', 'The audit log cannot be changed.'),
  invitations_final: new AppError('conflict', 'This invitation was already accepted or revoked.'),
  session_ended: new AppError('unauthorized', 'Your session has ended. Sign in again.'),
  tasks_transition_allowed: new AppError('conflict', 'That status change is not allowed.'),
  tasks_initial_status: new AppError('validation_failed', 'A new task starts as to do, in progress, in review or blocked.', { field: 'status' }),
  tasks_assign_permission: new AppError('forbidden', 'Assigning tasks needs tasks:assign.'),
  tasks_assignee_member: new AppError('validation_failed', 'The assignee must be a member of this organization.', { field: 'assigneeId' }),
  tasks_immutable: new AppError('forbidden', 'A task’s organization, author and creation time cannot change.'),
  task_link_same_org: new AppError('not_found', 'Task not found.'),
  tasks_title_length: new AppError('validation_failed', 'The title must be 1 to 200 characters.', { field: 'title' }),
  tasks_labels_valid: new AppError('validation_failed', 'Labels are at most 10 distinct lowercase words.', { field: 'labels' }),
  task_comments_body_length: new AppError('validation_failed', 'A comment is 1 to 5,000 characters.', { field: 'body' }),
  approval_requests_final: new AppError('conflict', 'This request is already closed.'),
  approval_requests_self_approval: new AppError('forbidden', 'The requester cannot be one of the approvers.'),
  approval_requests_approvers_eligible: new AppError('conflict', 'Every approver must be a member who may decide approvals.'),
  approval_requests_expiry_future: new AppError('validation_failed', 'The expiry must be in the future.'),
  approval_requests_quorum_not_met: new AppError('conflict', 'The request does not have enough approvals yet.'),
  approval_requests_no_rejection: new AppError('conflict', 'The request has no rejection.'),
  approval_requests_not_due: new AppError('conflict', 'This request has not expired yet.'),
  approval_decisions_one_per_approver: new AppError('conflict', 'You have already decided on this request.'),
  approval_decisions_self_approval: new AppError('forbidden', 'You cannot decide on your own request.'),
  approval_decisions_not_approver: new AppError('forbidden', 'You are not an approver of this request.'),
  approval_decisions_after_expiry: new AppError('conflict', 'This request has expired.'),
  notification_channels_org_name_key: new AppError('conflict', 'A channel with that name already exists.', { field: 'name' }),
};

export function isPostgresError(error: unknown): error is postgres.PostgresError {
  return error instanceof postgres.PostgresError;
}

/** True when withRls refused the caller because the token's session has ended (SQLSTATE 28000). */
export function isSessionEnded(error: unknown): boolean {
  return isPostgresError(error) && error.code === '28000';
}

/** The AppError for a database error, or the error itself when it is not one we translate. */
export function translateDbError(error: unknown): unknown {
  if (!isPostgresError(error)) return error;
  const known = error.constraint_name ? byConstraint[error.constraint_name] : undefined;
  if (known) return new AppError(known.code, known.message, known.details);
  switch (error.code) {
    case '28000': // invalid_authorization_specification: the token's session has ended
      return new AppError('unauthorized', 'Your session has ended. Sign in again.');
    case '42501': // insufficient_privilege, including row-level security violations
      return new AppError('forbidden', 'You do not have permission to do that.');
    case '23505':
      return new AppError('conflict', 'That already exists.');
    case '23514':
    case '22P02':
    case '22001':
      return new AppError('validation_failed', 'The input is not valid.');
    default:
      return error;
  }
}

/** Awaits a database operation, translating guard errors into AppErrors. */
export async function guardDb<T>(operation: PromiseLike<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    throw translateDbError(error);
  }
}
