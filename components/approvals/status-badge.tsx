import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ApprovalStatus } from '@/lib/approvals/schemas';

const look: Record<ApprovalStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'primary' },
  approved: { label: 'Approved', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
  expired: { label: 'Expired', tone: 'outline' },
  cancelled: { label: 'Cancelled', tone: 'outline' },
};

/** A request's status in words; a pending request past its time reads as expired. */
export function ApprovalStatusBadge({ status, expiresAt }: { status: ApprovalStatus; expiresAt?: Date }) {
  const shown = status === 'pending' && expiresAt && expiresAt <= new Date() ? 'expired' : status;
  return <Badge tone={look[shown].tone}>{look[shown].label}</Badge>;
}
