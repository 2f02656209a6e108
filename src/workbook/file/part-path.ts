/**
 * A workbook relationship's target as the path of its part in the zip: relative to xl/ (where
 * workbook.xml and its rels live), or absolute from the package root when it starts with '/'.
 */
export function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts: string[] = ['xl'];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}
