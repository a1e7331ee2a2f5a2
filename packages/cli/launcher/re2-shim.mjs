// @ts-check
// A stand-in for re2-wasm inside the bundle. kubernetes-models validators construct RE2 objects at module load
// for patterns JavaScript regular expressions cannot write, which makes every render that validates such a
// kind (PrometheusRule: `^(?i)(abort|warn)?$`) compile a WebAssembly module first. A pattern whose only RE2
// feature is a leading case-insensitivity flag over plain letters, digits, groups, alternatives and `?` means
// the same as a JavaScript expression with the `i` flag; those are answered natively, and anything else goes
// to the real re2-wasm, loaded the first time it is needed.

/** `^(?i)(abort|warn)?$` → `^(abort|warn)?$`; undefined for anything the translation cannot vouch for. */
const TRANSLATABLE = /^(\^?)\(\?i\)([A-Za-z0-9|()?]*)(\$?)$/;

/**
 * The JavaScript source and flags equivalent to an RE2 pattern, if the pattern is in the translatable subset.
 * @param {string} pattern
 * @returns {{ source: string, flags: string } | undefined}
 */
export function translate(pattern) {
  const match = TRANSLATABLE.exec(pattern);
  if (!match) return undefined;
  const body = /** @type {string} */ (match[2]);
  // Only non-capturing-free groups that balance; `(?` inside would be another RE2 flag group.
  let depth = 0;
  for (const char of body) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return undefined;
  }
  if (depth !== 0) return undefined;
  return { source: `${match[1]}${body}${match[3]}`, flags: 'iu' };
}

/**
 * An RE2-compatible class: native for translatable patterns, the real RE2 (from `load`) otherwise.
 * @param {() => new (pattern: string, flags?: string) => { test(input: string): boolean, exec(input: string): unknown }} load
 */
export function re2Class(load) {
  /** @type {(new (pattern: string, flags?: string) => { test(input: string): boolean, exec(input: string): unknown }) | undefined} */
  let real;
  return class RE2 {
    /** @type {{ test(input: string): boolean, exec(input: string): unknown }} */
    #pattern;

    /**
     * @param {string} pattern
     * @param {string} [flags]
     */
    constructor(pattern, flags = '') {
      const native = /[gmsy]/.test(flags) ? undefined : translate(pattern);
      if (native) this.#pattern = new RegExp(native.source, native.flags);
      else {
        real ??= load();
        this.#pattern = new real(pattern, flags);
      }
    }

    /** @param {string} input */
    test(input) {
      return this.#pattern.test(input);
    }

    /** @param {string} input */
    exec(input) {
      return this.#pattern.exec(input);
    }
  };
}
