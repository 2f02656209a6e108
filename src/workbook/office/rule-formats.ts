/**
 * Finding the conditional formats a run added, to remove exactly those. A conditional format's
 * `id` is its current priority, not a stable key (and proxies of loaded formats may shift when
 * others are added), so formats are found afresh each time and recognised by what they are:
 * type Custom, the range it applies to, the rule formula and the fill colour recorded when the
 * run wrote them. Identical formats are interchangeable, so callers work with counts.
 * Formats left half-made by a failed batch (no formula or no fill yet) are found by range.
 * Two syncs for any number of sheets: types first (reading `custom` on another type fails),
 * then rule, fill and range of the custom ones.
 * Requires ExcelApi 1.6 (Range.conditionalFormats, ConditionalFormat.custom, getRangeOrNullObject).
 */
import type { StoredRule } from './run-state';

/** Formula text as Excel may give it back: case and spaces outside string literals do not count. */
export function normaliseFormula(formula: string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? part.replace(/\s+/g, '').toUpperCase() : part))
    .join('"');
}

function localPart(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').toUpperCase();
}

export function ruleKey(sheet: string, range: string, formula: string, fill: string): string {
  return [sheet.toLowerCase(), localPart(range), normaliseFormula(formula), fill.toUpperCase()].join('\u0000');
}

export function storedRuleKey(rule: StoredRule): string {
  return ruleKey(rule.sheet, rule.range, rule.formula, rule.fill);
}

/**
 * A custom format on `range` whose formula or fill was never set: what a batch that failed
 * between `conditionalFormats.add` and setting the rule leaves behind.
 */
export function incompleteKey(sheet: string, range: string): string {
  return ruleKey(sheet, range, '', '');
}

/** Conditional formats on `sheets` whose key is in `keys`, grouped by key (loaded, usable in this batch). */
export async function findRuleFormats(
  context: Excel.RequestContext,
  sheets: string[],
  keys: Set<string>,
): Promise<Map<string, Excel.ConditionalFormat[]>> {
  const found = new Map<string, Excel.ConditionalFormat[]>();
  if (keys.size === 0 || sheets.length === 0) return found;
  const collections = sheets.map((name) => ({
    name,
    formats: context.workbook.worksheets.getItem(name).getRange().conditionalFormats.load('items/type'),
  }));
  await context.sync();
  const custom = collections.flatMap(({ name, formats }) =>
    formats.items
      .filter((cf) => cf.type === 'Custom')
      .map((cf) => ({
        name,
        cf,
        detail: cf.custom.load('rule/formula,format/fill/color'),
        range: cf.getRangeOrNullObject().load('address'),
      })),
  );
  if (custom.length === 0) return found;
  await context.sync();
  for (const { name, cf, detail, range } of custom) {
    if (range.isNullObject) continue; // several areas: not a format Recon wrote
    const formula = detail.rule.formula ?? '';
    const fill = detail.format.fill.color ?? '';
    const key = formula === '' || fill === '' ? incompleteKey(name, range.address) : ruleKey(name, range.address, formula, fill);
    if (!keys.has(key)) continue;
    const list = found.get(key) ?? [];
    list.push(cf);
    found.set(key, list);
  }
  return found;
}
