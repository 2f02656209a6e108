/**
 * A run's group ids and origins reach the pane as one string of lines (an object of 100,000 ids was
 * 100+ ms to clone onto the page and to count): the pane finds an id's origin in it, and nothing for
 * an id that is not there or only starts like one.
 */
import { groupOriginOf } from '../../src/taskpane/engine/engine-client';

describe('groupOriginOf', () => {
  const summary = { groupOrigins: 'M1 auto\nM2 suggested\nM12 manual\nM120 auto' };

  it('finds the first, a middle and the last line', () => {
    expect(groupOriginOf(summary, 'M1')).toBe('auto');
    expect(groupOriginOf(summary, 'M2')).toBe('suggested');
    expect(groupOriginOf(summary, 'M12')).toBe('manual');
    expect(groupOriginOf(summary, 'M120')).toBe('auto');
  });

  it('finds nothing for an id not in the run, a prefix of one, an empty id or no groups', () => {
    expect(groupOriginOf(summary, 'M3')).toBeUndefined();
    expect(groupOriginOf(summary, 'M')).toBeUndefined();
    expect(groupOriginOf(summary, '')).toBeUndefined();
    expect(groupOriginOf(summary, 'M1 auto')).toBeUndefined();
    expect(groupOriginOf({}, 'M1')).toBeUndefined();
  });
});
