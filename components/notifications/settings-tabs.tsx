import Link from 'next/link';
import { cn } from '@/lib/cn';

/** Channels | Delivery log, for admins. */
export function NotificationSettingsTabs({ current }: { current: 'channels' | 'deliveries' }) {
  const tabs = [
    { id: 'channels', href: '/channels', label: 'Channels' },
    { id: 'deliveries', href: '/channels/deliveries', label: 'Delivery log' },
  ] as const;
  return (
    <nav aria-label="Notification settings" className="mb-6 flex gap-1 border-b border-border">
      {tabs.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          aria-current={t.id === current ? 'page' : undefined}
          className={cn('-mb-px border-b-2 px-3 py-2 text-sm', t.id === current ? 'border-primary font-medium text-foreground' : 'border-transparent text-muted hover:text-foreground')}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
