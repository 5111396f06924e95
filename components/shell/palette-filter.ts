/**
 * The command palette's matching (cmdk's `filter`): every typed word must appear in
 * the entry's label or keywords, so an email's random letters never "fuzzily" match.
 * Returns 0 to hide an entry, otherwise a rank: label prefix > word prefix > inside
 * the label > keywords only.
 */
export function paletteFilter(value: string, search: string, keywords: string[] = []): number {
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return 1;
  const label = value.toLowerCase();
  const haystack = [label, ...keywords.map((k) => k.toLowerCase())].join(' ');
  if (!terms.every((term) => haystack.includes(term))) return 0;
  const query = terms.join(' ');
  if (label.startsWith(query)) return 1;
  if (label.split(/[\s<>()@._-]+/).some((word) => word.startsWith(terms[0]!))) return 0.8;
  if (label.includes(terms[0]!)) return 0.6;
  return 0.4;
}
