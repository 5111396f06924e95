'use client';

import { Check, Copy, Globe } from 'lucide-react';
import { useState } from 'react';

/** The organization's full address as a link, with a button that copies it. */
export function WorkspaceAddress({ href, host }: { href: string; host: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (permissions): the link is still there to copy by hand.
    }
  };
  return (
    <span className="inline-flex max-w-full items-center gap-1.5">
      <Globe aria-hidden className="h-4 w-4 shrink-0" />
      <a href={href} className="truncate font-medium text-foreground hover:text-primary hover:underline">
        {host}
      </a>
      <button
        type="button"
        onClick={copy}
        aria-label={copied ? 'Address copied' : 'Copy the address'}
        title={copied ? 'Copied' : 'Copy'}
        className="grid h-7 w-7 shrink-0 place-items-center rounded-md hover:bg-accent hover:text-foreground"
      >
        {copied ? <Check aria-hidden className="h-3.5 w-3.5 text-success" /> : <Copy aria-hidden className="h-3.5 w-3.5" />}
      </button>
    </span>
  );
}
