'use client';

import * as ToastPrimitive from '@radix-ui/react-toast';
import * as React from 'react';
import { cn } from '@/lib/cn';

export type ToastTone = 'default' | 'success' | 'error';
export interface ToastMessage {
  id: number;
  title: string;
  description?: string;
  tone: ToastTone;
}

type Notify = (toast: Omit<ToastMessage, 'id' | 'tone'> & { tone?: ToastTone }) => void;
const ToastContext = React.createContext<Notify | null>(null);

/** Provides `useToast()`; renders queued toasts in an accessible live region. */
export function Toaster({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = React.useState<ToastMessage[]>([]);
  const nextId = React.useRef(1);
  const notify = React.useCallback<Notify>((toast) => {
    const id = nextId.current++;
    setToasts((current) => [...current, { id, tone: 'default', ...toast }]);
  }, []);
  const dismiss = (id: number) => setToasts((current) => current.filter((t) => t.id !== id));

  return (
    <ToastContext.Provider value={notify}>
      <ToastPrimitive.Provider swipeDirection="right" duration={5000}>
        {children}
        {toasts.map((toast) => (
          <ToastPrimitive.Root
            key={toast.id}
            onOpenChange={(open) => !open && dismiss(toast.id)}
            className={cn(
              'rounded-md border bg-surface p-4 shadow-lg animate-slide-up',
              toast.tone === 'error' && 'border-danger',
              toast.tone === 'success' && 'border-success',
              toast.tone === 'default' && 'border-border',
            )}
          >
            <ToastPrimitive.Title className="text-sm font-semibold">{toast.title}</ToastPrimitive.Title>
            {toast.description ? (
              <ToastPrimitive.Description className="mt-1 text-sm text-muted">{toast.description}</ToastPrimitive.Description>
            ) : null}
            <ToastPrimitive.Close aria-label="Dismiss" className="absolute right-2 top-2 text-muted hover:text-foreground">
              <span aria-hidden>×</span>
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        ))}
        <ToastPrimitive.Viewport className="fixed bottom-4 right-4 z-[60] flex w-80 max-w-[calc(100%-2rem)] flex-col gap-2 outline-none [&>li]:relative" />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): Notify {
  const notify = React.useContext(ToastContext);
  if (!notify) throw new Error('useToast must be used inside <Toaster>');
  return notify;
}
