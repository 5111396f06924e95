const features = [
  {
    title: 'Configure with an AI assistant',
    body: 'Describe what your team needs in plain words; the assistant turns an industry template into a project you can review before it ships.',
  },
  {
    title: 'Tasks and approvals that move live',
    body: 'Work flows through a clear state machine. Everyone on the workspace sees changes the moment they happen.',
  },
  {
    title: 'Notifications that arrive',
    body: 'Email, Slack and webhooks go out through background jobs that retry until they succeed, or tell you why not.',
  },
  {
    title: 'Members, roles and an audit trail',
    body: 'Owners, admins, members and viewers. Every change to people, settings and money is written to an append-only log.',
  },
  {
    title: 'Your own workspace address',
    body: 'Each organization lives on its own subdomain, with data isolated in the database by row-level security.',
  },
  {
    title: 'Plans that fit',
    body: 'Start small and upgrade when you grow; billing is per workspace and visible to the people who manage it.',
  },
];

export function FeatureGrid() {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {features.map((feature) => (
        <li key={feature.title} className="rounded-lg border border-border bg-surface p-5">
          <h3 className="font-semibold">{feature.title}</h3>
          <p className="mt-2 text-sm text-muted">{feature.body}</p>
        </li>
      ))}
    </ul>
  );
}
