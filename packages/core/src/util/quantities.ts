const SUFFIXES: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** apimachinery's quantity grammar: a signed decimal number with a binary or decimal SI suffix or an exponent. */
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** The value of a Kubernetes quantity (`1Gi` → 1073741824, `500m` → 0.5), or undefined if it is not one. */
export function parseQuantity(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const match = QUANTITY.exec(value);
  if (!match) return undefined;
  const number = Number(match[1]) * (match[2] ? 10 ** Number(match[2].slice(1)) : 1);
  return number * SUFFIXES[match[3] ?? '']!;
}

/** Whether `value` is a Kubernetes quantity. */
export function isQuantity(value: string | number): boolean {
  return parseQuantity(value) !== undefined;
}
