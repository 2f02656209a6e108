/**
 * Finding the conditional formats a run added, to remove exactly those. A conditional format's
 * `id` is its current priority, not a stable key (and proxies of loaded formats may shift when
 * others are added), so formats are found afresh each time and recognised by what they are:
 * type Custom, the rule formula and the fill colour recorded when the run wrote them.
 * Not by range, and not by the cells the formula points at: when the user inserts or deletes rows,
 * Excel moves a rule's range and the references in its formula (`$I5` becomes `$I6`), and a rule
 * over more columns than moved splits into several areas (getRangeOrNullObject is then a null
 * object). What stays is the formula's shape (its function calls and the label text) and the fill.
 * Identical formats are interchangeable, so callers work with counts, and lists come in priority
 * order: Excel adds a new format at the top (ConditionalFormatCollection.add), so a run's own
 * formats are the first of their key.
 * Formats left half-made by a failed batch (no formula or no fill yet) are found by range.
 * Two syncs for any number of sheets: types first (reading `custom` on another type fails),
 * then rule, fill and range of the custom ones.
 * Requires ExcelApi 1.6 (Range.conditionalFormats, ConditionalFormat.custom, getRangeOrNullObject).
 */
import type { ConditionalFormatApi, ExcelContextApi } from './excel-api';
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

/** A cell reference, with its sheet if named; not a function name such as LOG10( . */
const REFERENCE = /(?:(?:'(?:[^']|'')+'|[^\s'!"(),=&<>+\-*/]+)!)?\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z0-9_(])/g;

/** The formula with every cell reference replaced by one mark: what survives rows moving. */
export function formulaShape(formula: string): string {
  return normaliseFormula(
    formula
      .split('"')
      .map((part, i) => (i % 2 === 0 ? part.replace(REFERENCE, '\u00a4') : part))
      .join('"'),
  );
}

export function ruleKey(sheet: string, formula: string, fill: string): string {
  return [sheet.toLowerCase(), formulaShape(formula), fill.toUpperCase()].join('\u0000');
}

export function storedRuleKey(rule: StoredRule): string {
  return ruleKey(rule.sheet, rule.formula, rule.fill);
}

/**
 * A custom format on `range` whose formula or fill was never set: what a batch that failed
 * between `conditionalFormats.add` and setting the rule leaves behind.
 */
export function incompleteKey(sheet: string, range: string): string {
  return [sheet.toLowerCase(), localPart(range), '\u0000incomplete'].join('\u0000');
}

/** Conditional formats on `sheets` whose key is in `keys`, grouped by key, each list in priority order (loaded, usable in this batch). */
export async function findRuleFormats(
  context: ExcelContextApi,
  sheets: string[],
  keys: Set<string>,
): Promise<Map<string, ConditionalFormatApi[]>> {
  const found = new Map<string, ConditionalFormatApi[]>();
  if (keys.size === 0 || sheets.length === 0) return found;
  const collections = sheets.map((name) => ({
    name,
    formats: context.workbook.worksheets.getItem(name).getRange().conditionalFormats.load('items/type,items/priority'),
  }));
  await context.sync();
  const custom = collections.flatMap(({ name, formats }) =>
    formats.items
      .filter((cf) => cf.type === 'Custom')
      .map((cf) => ({
        name,
        cf,
        priority: cf.priority,
        detail: cf.custom.load('rule/formula,format/fill/color'),
        range: cf.getRangeOrNullObject().load('address'),
      })),
  );
  if (custom.length === 0) return found;
  await context.sync();
  custom.sort((a, b) => a.priority - b.priority);
  for (const { name, cf, detail, range } of custom) {
    const formula = detail.rule.formula ?? '';
    const fill = detail.format.fill.color ?? '';
    const incomplete = formula === '' || fill === '';
    // A half-made format is one Recon just added to a single range; several areas are never that.
    if (incomplete && range.isNullObject) continue;
    const key = incomplete ? incompleteKey(name, range.address) : ruleKey(name, formula, fill);
    if (!keys.has(key)) continue;
    const list = found.get(key) ?? [];
    list.push(cf);
    found.set(key, list);
  }
  return found;
}
