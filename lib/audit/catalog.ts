/**
 * The actions the database writes today (supabase/migrations/*audit_in_database.sql:
 * triggers on organizations, memberships, invitations and tasks), with the label the
 * audit log's filter shows. Features that add audited tables add their actions here;
 * describeAuditEntry still words an action it does not know.
 */
export const auditActions = [
  { value: 'organization.created', label: 'Organization created' },
  { value: 'organization.updated', label: 'Organization updated' },
  { value: 'member.joined', label: 'Member joined' },
  { value: 'member.role_changed', label: 'Role changed' },
  { value: 'member.removed', label: 'Member removed' },
  { value: 'member.left', label: 'Member left' },
  { value: 'invitation.created', label: 'Invitation sent' },
  { value: 'invitation.resent', label: 'Invitation resent' },
  { value: 'invitation.revoked', label: 'Invitation revoked' },
  { value: 'invitation.accepted', label: 'Invitation accepted' },
  { value: 'task.created', label: 'Task created' },
  { value: 'task.updated', label: 'Task updated' },
  { value: 'task.deleted', label: 'Task deleted' },
  { value: 'task.commented', label: 'Task comment' },
  { value: 'approval.requested', label: 'Approval requested' },
  { value: 'approval.decided', label: 'Approval decision' },
  { value: 'approval.commented', label: 'Approval comment' },
  { value: 'approval.approved', label: 'Request approved' },
  { value: 'approval.rejected', label: 'Request rejected' },
  { value: 'approval.expired', label: 'Request expired' },
  { value: 'approval.cancelled', label: 'Request cancelled' },
  { value: 'approval_policy.updated', label: 'Approval policy updated' },
  { value: 'notification_channel.created', label: 'Notification channel added' },
  { value: 'notification_channel.updated', label: 'Notification channel changed' },
  { value: 'notification_channel.deleted', label: 'Notification channel removed' },
] as const;

export type KnownAuditAction = (typeof auditActions)[number]['value'];

export function isKnownAuditAction(action: string): action is KnownAuditAction {
  return auditActions.some((a) => a.value === action);
}
