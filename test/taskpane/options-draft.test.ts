import { draftOf, validateOptions } from '../../src/taskpane/state/options-draft';
import type { MatchSettings } from '../../src/taskpane/engine/engine-client';

const defaults: MatchSettings = { dateWindowDays: 7, referenceWindowDays: 90, tolerance: '50.00', allowCombined: true, allowInstalments: true, maxGroupSize: 5, nameStrictness: 'normal' };

describe('matching options form', () => {
  it('round-trips the defaults', () => {
    expect(validateOptions(draftOf(defaults))).toEqual({ settings: defaults, errors: {} });
  });

  it('accepts a tolerance typed with thousands separators, kept as exact text', () => {
    const { settings } = validateOptions({ ...draftOf(defaults), tolerance: ' 1,000.5 ' });
    expect(settings?.tolerance).toBe('1000.5');
  });

  it('names each field that is wrong and gives no settings', () => {
    const result = validateOptions({ ...draftOf(defaults), dateWindowDays: '-3', tolerance: '12.345', maxGroupSize: '1' });
    expect(result.settings).toBeNull();
    expect(result.errors).toEqual({
      dateWindowDays: 'options.dateWindow.invalid',
      tolerance: 'options.tolerance.invalid',
      maxGroupSize: 'options.maxGroupSize.invalid',
    });
  });

  it('allows a zero tolerance and a zero-day window (exact matching only)', () => {
    const { settings } = validateOptions({ ...draftOf(defaults), dateWindowDays: '0', tolerance: '0' });
    expect(settings).toMatchObject({ dateWindowDays: 0, tolerance: '0' });
  });
});
