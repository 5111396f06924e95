'use client';

import { formatDistanceToNowStrict } from 'date-fns';
import { useEffect, useState } from 'react';
import { formatAbsoluteTime } from './relative-time-format';

/**
 * "3 minutes ago", with the exact time (UTC) on hover and for screen readers in
 * `dateTime`. The server renders the absolute time so the HTML never depends on
 * when it was rendered; the browser switches to the relative one and keeps it fresh.
 */
export function RelativeTime({ date, className }: { date: Date | string; className?: string }) {
  const at = typeof date === 'string' ? new Date(date) : date;
  const absolute = formatAbsoluteTime(at);
  const [relative, setRelative] = useState<string | null>(null);
  useEffect(() => {
    const update = () => setRelative(formatDistanceToNowStrict(at, { addSuffix: true }));
    update();
    const timer = setInterval(update, 30_000);
    return () => clearInterval(timer);
  }, [at.getTime()]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <time dateTime={at.toISOString()} title={absolute} className={className}>
      {relative ?? absolute}
    </time>
  );
}
