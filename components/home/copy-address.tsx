'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';

/** Copies the workspace's address; says so for two seconds. */
export function CopyAddress({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (permissions): the link is still there to copy by hand.
    }
  };
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={copied ? 'Address copied' : 'Copy the address'}
      title={copied ? 'Copied' : 'Copy the address'}
      className="grid h-7 w-7 shrink-0 place-items-center rounded-md text-muted hover:bg-accent hover:text-foreground"
    >
      {copied ? <Check aria-hidden className="h-3.5 w-3.5 text-success" /> : <Copy aria-hidden className="h-3.5 w-3.5" />}
    </button>
  );
}
