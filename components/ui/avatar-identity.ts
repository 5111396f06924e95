/**
 * Initials and colour of an avatar. Pure, so server and client agree and tests can pin them.
 * The palette's colours all keep white initials above WCAG AA contrast (4.5:1).
 */
const palette = ['#1d4ed8', '#7c3aed', '#be185d', '#b91c1c', '#c2410c', '#a16207', '#15803d', '#0f766e', '#0e7490', '#4338ca'];

/** "Olivia Park" → "OP"; "mia.chen@example.com" → "MC"; "ops" → "O". */
export function initialsOf(name: string): string {
  const local = name.includes('@') ? name.slice(0, name.indexOf('@')) : name;
  const words = local.split(/[\s._\-+]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return '?';
  const first = [...words[0]!][0]!;
  const second = words.length > 1 ? [...words[words.length - 1]!][0]! : '';
  return (first + second).toUpperCase();
}

/** The same id always gets the same colour (FNV-1a over the id). */
export function avatarColorOf(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return palette[(hash >>> 0) % palette.length]!;
}
