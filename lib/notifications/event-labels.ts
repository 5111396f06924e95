/** How the screens name each notifiable event and channel kind. */
export const eventLabels: Record<string, string> = {
  'tasks/task.assigned': 'A task is assigned to me',
  'tasks/comment.created': 'Someone comments on my task',
  'approvals/request.created': 'An approval waits for me',
  'approvals/request.decided': 'My approval request is decided',
  'approvals/request.expired': 'My approval request expired',
  'members/role.changed': 'My role changes',
};
export const eventLabel = (name: string) => eventLabels[name] ?? name;

export const channelLabels: Record<string, string> = { in_app: 'In-app', email: 'Email', slack: 'Slack', webhook: 'Webhook' };
export const channelLabel = (kind: string) => channelLabels[kind] ?? kind;
