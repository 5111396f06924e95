import Link from 'next/link';
import { Button } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main id="main" className="grid min-h-screen place-items-center px-4">
      <div className="text-center">
        <p className="text-sm font-medium text-primary">404</p>
        <h1 className="mt-2 text-3xl font-bold">Page not found</h1>
        <p className="mt-3 text-muted">The page you asked for does not exist or has moved.</p>
        <Button asChild className="mt-6">
          <Link href="/">Back to the home page</Link>
        </Button>
      </div>
    </main>
  );
}
