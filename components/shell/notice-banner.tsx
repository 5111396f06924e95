'use client';

import { useSearchParams } from 'next/navigation';

const notices: Record<string, string> = {
  'organization-deleted': 'The organization and all of its data were deleted.',
};

/** A one-line confirmation after actions that end on the apex (e.g. deleting an organization). */
export function NoticeBanner() {
  const notice = notices[useSearchParams().get('notice') ?? ''];
  if (!notice) return null;
  return (
    <div role="status" className="border-b border-success/40 bg-success/10 px-4 py-2 text-center text-sm">
      {notice}
    </div>
  );
}
