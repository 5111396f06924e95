/**
 * A server action as a browser without JavaScript submits it: the form's hidden
 * `$ACTION_…` fields (which action, its bound state) read from the page's HTML,
 * plus the fields a person fills in, as multipart/form-data. Lets a test post
 * any value (a hostile `next`) straight to the action over plain HTTP.
 */
const decodeEntities = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The hidden fields of the first form in `html` that has a field named `containing` (and the aria-label `label`, if given). */
export function actionFormFields(html: string, containing: string, label?: string): Record<string, string> {
  for (const [, tag, inner] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!inner!.includes(`name="${containing}"`)) continue;
    if (label !== undefined && !tag!.includes(`aria-label="${label}"`)) continue;
    const fields: Record<string, string> = {};
    for (const [tag] of inner!.matchAll(/<input\b[^>]*>/g)) {
      const name = /\sname="([^"]*)"/.exec(tag)?.[1];
      if (!name?.startsWith('$ACTION')) continue;
      fields[decodeEntities(name)] = decodeEntities(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? '');
    }
    if (Object.keys(fields).length === 0) throw new Error(`The form with "${containing}" is not a server action form.`);
    return fields;
  }
  throw new Error(`No form with a field "${containing}" on this page.`);
}

/** A multipart/form-data body and its content type, as a browser would send the fields. */
export async function multipart(fields: Record<string, string>): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Response(form);
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! };
}
