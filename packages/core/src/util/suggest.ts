/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * ` (did you mean "x"?)` for the first of `known` that equals `key` once both are normalised (lower-cased by
 * default) or is at most two edits away from it, ignoring case; `''` when none is close. For messages about
 * misspelt field and object names.
 */
export function didYouMean(
  key: string,
  known: string[],
  normalize: (name: string) => string = (name) => name.toLowerCase(),
): string {
  const wanted = normalize(key);
  const close = known.find(
    (name) => normalize(name) === wanted || editDistance(name.toLowerCase(), key.toLowerCase()) <= 2,
  );
  return close ? ` (did you mean "${close}"?)` : '';
}
