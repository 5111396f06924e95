export function SiteFooter() {
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:justify-between">
        <p>© {new Date().getFullYear()} Tenantforge</p>
        <p>Multi-tenant by design: every workspace is isolated by row-level security.</p>
      </div>
    </footer>
  );
}
