import { resolveMatchOptions } from '../../src/engine';
import { paneText } from '../../src/i18n/pane';
import { toMatchOptions } from '../../src/taskpane/engine/engine-tasks';
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

  it('names each field that is wrong, with the range the engine allows, and gives no settings', () => {
    const result = validateOptions({ ...draftOf(defaults), dateWindowDays: '-3', tolerance: '12.345', maxGroupSize: '1' });
    expect(result.settings).toBeNull();
    expect(result.errors).toEqual({
      dateWindowDays: { id: 'options.whole.invalid', params: { min: '0', max: '366' } },
      tolerance: { id: 'options.amount.invalid', params: { min: '0.00', max: '1000000.00' } },
      maxGroupSize: { id: 'options.whole.invalid', params: { min: '2', max: '8' } },
    });
  });

  it('refuses a group of 12 and a 999-day window instead of letting the engine quietly use less', () => {
    const result = validateOptions({ ...draftOf(defaults), maxGroupSize: '12', dateWindowDays: '999' });
    expect(result.settings).toBeNull();
    expect(result.errors.maxGroupSize).toEqual({ id: 'options.whole.invalid', params: { min: '2', max: '8' } });
    expect(result.errors.dateWindowDays?.params).toEqual({ min: '0', max: '366' });
    expect(paneText(result.errors.maxGroupSize!.id, 'zh-CN', result.errors.maxGroupSize!.params)).toBe('请输入 2 到 8 之间的整数');
    expect(paneText(result.errors.maxGroupSize!.id, 'zh-TW', result.errors.maxGroupSize!.params)).toBe('請輸入 2 到 8 之間的整數');
    expect(paneText(result.errors.dateWindowDays!.id, 'en', result.errors.dateWindowDays!.params)).toBe('Enter a whole number from 0 to 366');
  });

  it('the limits it checks are the engine\'s own: what the form takes, the engine runs unchanged', () => {
    const { settings } = validateOptions({ ...draftOf(defaults), maxGroupSize: '8', dateWindowDays: '366', referenceWindowDays: '366' });
    const options = resolveMatchOptions(toMatchOptions(settings!));
    expect(options).toMatchObject({ maxGroupSize: 8, dateWindowDays: 366, referenceWindowDays: 366 });
    expect(() => resolveMatchOptions({ maxGroupSize: 12 })).toThrow('maxGroupSize: 12 is outside the allowed range 2–8');
  });

  it('allows a zero tolerance and a zero-day window (exact matching only)', () => {
    const { settings } = validateOptions({ ...draftOf(defaults), dateWindowDays: '0', tolerance: '0' });
    expect(settings).toMatchObject({ dateWindowDays: 0, tolerance: '0' });
  });
});
