/**
 * A whole number kept as a small integer. V8 stores an object field that only ever held small
 * integers in the object itself, but once a field has held a number in its boxed form (a day
 * computed by division, a value read from a Float64Array), every object of that shape gets a
 * separate heap box for it: at a million entries, millions of boxes for the garbage collector to
 * walk. `value | 0` is the small-integer form; other values (fractions, NaN, beyond 32 bits) pass
 * through unchanged.
 */
export function smallInteger(value: number): number {
  const whole = value | 0;
  return whole === value ? whole : value;
}
