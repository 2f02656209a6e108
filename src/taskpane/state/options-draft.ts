/**
 * The matching options as the form holds them (text while typing) and their validation into the
 * MatchSettings a run uses. Limits are generous but keep a run bounded.
 */
import type { NameStrictness } from '../../engine/types';
import type { PaneMessageId } from '../../i18n/pane';
import type { MatchSettings } from '../engine/engine-client';

export interface OptionsDraft {
  dateWindowDays: string;
  referenceWindowDays: string;
  tolerance: string;
  allowCombined: boolean;
  allowInstalments: boolean;
  maxGroupSize: string;
  nameStrictness: NameStrictness;
}

export type OptionsErrors = Partial<Record<keyof OptionsDraft, PaneMessageId>>;

export function draftOf(settings: MatchSettings): OptionsDraft {
  return {
    dateWindowDays: String(settings.dateWindowDays),
    referenceWindowDays: String(settings.referenceWindowDays),
    tolerance: settings.tolerance,
    allowCombined: settings.allowCombined,
    allowInstalments: settings.allowInstalments,
    maxGroupSize: String(settings.maxGroupSize),
    nameStrictness: settings.nameStrictness,
  };
}

function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** "1,000.5" → "1000.5"; anything but a non-negative amount with up to two decimals → null. */
function amountText(text: string): string | null {
  const plain = text.trim().replace(/[,\s]/g, '');
  return /^\d+(\.\d{1,2})?$/.test(plain) ? plain : null;
}

export const DATE_WINDOW_LIMITS = [0, 366] as const;
export const GROUP_SIZE_LIMITS = [2, 20] as const;

export function validateOptions(draft: OptionsDraft): { settings: MatchSettings | null; errors: OptionsErrors } {
  const errors: OptionsErrors = {};
  const dateWindowDays = wholeNumber(draft.dateWindowDays, ...DATE_WINDOW_LIMITS);
  if (dateWindowDays === null) errors.dateWindowDays = 'options.dateWindow.invalid';
  const referenceWindowDays = wholeNumber(draft.referenceWindowDays, ...DATE_WINDOW_LIMITS);
  if (referenceWindowDays === null) errors.referenceWindowDays = 'options.dateWindow.invalid';
  const tolerance = amountText(draft.tolerance);
  if (tolerance === null) errors.tolerance = 'options.tolerance.invalid';
  const maxGroupSize = wholeNumber(draft.maxGroupSize, ...GROUP_SIZE_LIMITS);
  if (maxGroupSize === null) errors.maxGroupSize = 'options.maxGroupSize.invalid';
  if (dateWindowDays === null || referenceWindowDays === null || tolerance === null || maxGroupSize === null) return { settings: null, errors };
  return {
    settings: { dateWindowDays, referenceWindowDays, tolerance, allowCombined: draft.allowCombined, allowInstalments: draft.allowInstalments, maxGroupSize, nameStrictness: draft.nameStrictness },
    errors,
  };
}
