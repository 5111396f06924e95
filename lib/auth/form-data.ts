/** Plain string fields of a submitted form (files and repeated keys ignored). */
export function formFields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !(key in out) && !key.startsWith('$ACTION')) out[key] = value;
  }
  return out;
}
