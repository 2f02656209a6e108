import { exactSubsets } from '../../../src/engine/match/subset-sum';

const limits = { minSize: 2, maxSize: 5, maxSolutions: 8, maxNodes: 5000 };

describe('exactSubsets', () => {
  it('finds the one combination of invoices a transfer pays', () => {
    // 3,900.00 + 4,100.00 + 5,980.79 + 6,400.00 = 20,380.79 among other open invoices of the customer.
    const values = [390000, 410000, 598079, 640000, 1250000, 77000];
    const search = exactSubsets(values, 2038079, limits);
    expect(search.solutions).toEqual([[0, 1, 2, 3]]);
    expect(search.exhausted).toBe(true);
  });

  it('reports every combination when several add up (equal instalments)', () => {
    const search = exactSubsets([100000, 100000, 100000], 200000, limits);
    expect(search.solutions).toEqual([[0, 1], [0, 2], [1, 2]]);
  });

  it('respects the group size limits', () => {
    expect(exactSubsets([100, 200, 300], 300, limits).solutions).toEqual([[0, 1]]); // a single 300 is not a group
    expect(exactSubsets([1, 1, 1, 1, 1, 1], 6, limits).solutions).toEqual([]); // would need six lines
  });

  it('stops at the node limit and says the search was not complete', () => {
    const values = Array.from({ length: 20 }, (_, i) => 1000 + i * 7);
    const search = exactSubsets(values, 1, { ...limits, maxNodes: 50 });
    expect(search.exhausted).toBe(true); // nothing can reach 1: pruned at once
    const busy = exactSubsets(values, 5000 + 7 * 40, { ...limits, maxNodes: 50, maxSolutions: 1000 });
    expect(busy.exhausted).toBe(false);
  });

  it('stops after maxSolutions', () => {
    const search = exactSubsets([5, 5, 5, 5, 5], 10, { ...limits, maxSolutions: 2 });
    expect(search.solutions).toHaveLength(2);
    expect(search.exhausted).toBe(false);
  });
});
