const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export const formatDate = (d: Date | null) => (d ? dateFormat.format(d) : 'Never');
export const formatDateTime = (d: Date) => `${dateTimeFormat.format(d)} UTC`;
