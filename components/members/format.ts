const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const formatDateTime = (d: Date) => `${dateTimeFormat.format(d)} UTC`;
