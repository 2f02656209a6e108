/**
 * normalizeName once per distinct counterparty text: a month has thousands of lines but a few
 * hundred names, and normalising (script, width, legal form, region) is the costly part.
 */
import { normalizeName, type NormalizedName } from '../match/normalize-name';

export type NameOf = (raw: string) => NormalizedName | null;

export function cachedNames(): NameOf {
  const cache = new Map<string, NormalizedName | null>();
  return (raw) => {
    let name = cache.get(raw);
    if (name === undefined) {
      name = normalizeName(raw);
      cache.set(raw, name);
    }
    return name;
  };
}
