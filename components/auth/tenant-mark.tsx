import { Avatar } from '@/components/ui/avatar';

/** An organization's mark on its own auth pages: its initials on its stable colour. */
export function TenantMark({ tenant }: { tenant: { id: string; name: string } }) {
  return <Avatar id={tenant.id} name={tenant.name} size="lg" className="rounded-xl" />;
}
