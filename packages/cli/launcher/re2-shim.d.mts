/** What re2-shim.mjs exports (the launcher is plain JavaScript; this lets TypeScript tests import it). */
type Pattern = { test(input: string): boolean; exec(input: string): unknown };
type PatternClass = new (pattern: string, flags?: string) => Pattern;

export function translate(pattern: string): { source: string; flags: string } | undefined;
export function re2Class(load: () => PatternClass): PatternClass;
