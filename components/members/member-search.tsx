import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** Search by name or email: a GET form, so the query lives in the URL (?q=) and works without JavaScript. */
export function MemberSearch({ defaultValue }: { defaultValue: string }) {
  return (
    <form role="search" action="" className="mb-4 flex max-w-md gap-2">
      <label htmlFor="member-search" className="sr-only">
        Search members
      </label>
      <div className="relative min-w-0 flex-1">
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-muted" />
        <Input id="member-search" name="q" type="search" placeholder="Search by name or email" defaultValue={defaultValue} className="pl-9" />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
