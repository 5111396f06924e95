const industries = [
  { name: 'Healthcare', detail: 'Patient intake, referral approvals and care-team tasks, with audit trails reviewers expect.' },
  { name: 'Finance', detail: 'Expense and credit approvals with limits per role, and a record of every decision.' },
  { name: 'E-commerce', detail: 'Catalog changes, refunds and supplier onboarding that route to the right people.' },
];

export function IndustryCards() {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {industries.map((industry) => (
        <article key={industry.name} className="rounded-lg border border-border bg-accent/60 p-5">
          <p className="text-xs font-medium uppercase tracking-wide text-primary">Template</p>
          <h3 className="mt-1 text-lg font-semibold">{industry.name}</h3>
          {/* Darker than text-muted: the tinted card would take muted text below 4.5:1. */}
          <p className="mt-2 text-sm text-foreground/75">{industry.detail}</p>
        </article>
      ))}
    </div>
  );
}
