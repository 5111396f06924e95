const absoluteFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "Dec 2, 2026, 8:41 AM UTC": the exact time behind a relative one. */
export const formatAbsoluteTime = (at: Date) => `${absoluteFormat.format(at)} UTC`;
