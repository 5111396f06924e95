import { CheckSquare, MessageSquare, Trash2, Building2, LogOut, type LucideIcon, Mail, MailCheck, MailX, RotateCw, ShieldCheck, UserMinus, UserPlus, Activity } from 'lucide-react';
import { auditActions } from '@/lib/audit/catalog';
import { humanizeAction } from '@/lib/audit/describe';

const icons: Record<string, LucideIcon> = {
  'organization.created': Building2,
  'organization.updated': Building2,
  'member.joined': UserPlus,
  'member.role_changed': ShieldCheck,
  'member.removed': UserMinus,
  'member.left': LogOut,
  'invitation.created': Mail,
  'invitation.resent': RotateCw,
  'invitation.revoked': MailX,
  'invitation.accepted': MailCheck,
  'task.created': CheckSquare,
  'task.updated': CheckSquare,
  'task.deleted': Trash2,
  'task.commented': MessageSquare,
};

/** The icon and short label of an action ("Role changed"), for the entry's meta line. */
export function actionMeta(action: string): { icon: LucideIcon; label: string } {
  const known = auditActions.find((a) => a.value === action);
  const label = known?.label ?? humanizeAction(action).replace(/^./, (c) => c.toUpperCase());
  return { icon: icons[action] ?? Activity, label };
}
