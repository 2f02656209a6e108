/**
 * The matching options as the form holds them (text while typing) and their validation into the
 * MatchSettings a run uses. What is allowed comes from the one table of options
 * (engine/match/option-definitions): the form refuses what the engine would refuse, with the range.
 */
import type { NameStrictness } from '../../engine/types';
import { OptionError, parseOption, type OptionKey } from '../../engine/match/option-definitions';
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

/** A field's problem: the message and its figures (the allowed range). */
export interface OptionProblem {
  id: PaneMessageId;
  params: Record<string, string>;
}

export type OptionsErrors = Partial<Record<keyof OptionsDraft, OptionProblem>>;

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

/** The typed fields, read by the option table's own parser. */
const TYPED = ['dateWindowDays', 'referenceWindowDays', 'tolerance', 'maxGroupSize'] as const satisfies readonly (keyof OptionsDraft & OptionKey)[];

const PROBLEM_MESSAGES: Record<OptionError['problem'], Record<'whole' | 'amount', PaneMessageId>> = {
  format: { whole: 'options.whole.invalid', amount: 'options.amount.invalid' },
  range: { whole: 'options.whole.invalid', amount: 'options.amount.range' },
  choice: { whole: 'options.whole.invalid', amount: 'options.amount.invalid' },
};

export function validateOptions(draft: OptionsDraft): { settings: MatchSettings | null; errors: OptionsErrors } {
  const errors: OptionsErrors = {};
  const values: Partial<Record<(typeof TYPED)[number], unknown>> = {};
  for (const key of TYPED) {
    try {
      values[key] = parseOption(key, draft[key]);
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      const kind = key === 'tolerance' ? 'amount' : 'whole';
      errors[key] = { id: PROBLEM_MESSAGES[error.problem][kind], params: { min: error.params.min ?? '', max: error.params.max ?? '' } };
    }
  }
  if (Object.keys(errors).length > 0) return { settings: null, errors };
  return {
    settings: {
      dateWindowDays: values.dateWindowDays as number,
      referenceWindowDays: values.referenceWindowDays as number,
      // The amount as typed, without separators: exact text, never a float.
      tolerance: draft.tolerance.trim().replace(/[,\s，]/g, ''),
      allowCombined: draft.allowCombined,
      allowInstalments: draft.allowInstalments,
      maxGroupSize: values.maxGroupSize as number,
      nameStrictness: draft.nameStrictness,
    },
    errors,
  };
}
