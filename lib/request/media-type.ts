/**
 * Content-Type parsing (RFC 9110 §8.3.1): `type "/" subtype *( OWS ";" OWS
 * name=value )`. Only the type/subtype decides what a body is; a parameter that
 * merely mentions another type (`text/plain; charset=application/json`) does not.
 */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const MEDIA_TYPE = new RegExp(`^(${TOKEN})/(${TOKEN})((?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|${QUOTED}))*)[ \\t]*;?[ \\t]*$`);
const PARAMETER = new RegExp(`;[ \\t]*(${TOKEN})=(${TOKEN}|${QUOTED})`, 'g');

export interface MediaType {
  /** `type/subtype`, lower case. */
  essence: string;
  /** Parameter names lower case; values unquoted (the first of a repeated name wins). */
  parameters: Map<string, string>;
}

export function parseMediaType(header: string | null | undefined): MediaType | null {
  const match = MEDIA_TYPE.exec((header ?? '').trim());
  if (!match) return null;
  const parameters = new Map<string, string>();
  for (const [, name, value] of match[3]!.matchAll(PARAMETER)) {
    const key = name!.toLowerCase();
    if (parameters.has(key)) continue;
    parameters.set(key, value!.startsWith('"') ? value!.slice(1, -1).replace(/\\(.)/g, '$1') : value!);
  }
  return { essence: `${match[1]}/${match[2]}`.toLowerCase(), parameters };
}

/** `application/json`, with no charset or UTF-8 (the only encoding JSON may use between systems, RFC 8259). */
export function isJsonContentType(header: string | null | undefined): boolean {
  const type = parseMediaType(header);
  if (type?.essence !== 'application/json') return false;
  const charset = type.parameters.get('charset');
  return charset === undefined || charset.toLowerCase() === 'utf-8';
}
