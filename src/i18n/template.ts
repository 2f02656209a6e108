/** `{name}` placeholders filled from `params`; an unknown name stays as written, so a gap shows. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
