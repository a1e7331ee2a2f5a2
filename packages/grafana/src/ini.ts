import type { IniValue } from './config.js';

/** `grafana.ini` content: settings by section, then by key. */
export type IniSections = Record<string, Record<string, IniValue>>;

/** Merges sections key by key; later layers win. */
export function mergeIni(...layers: IniSections[]): IniSections {
  const result: IniSections = {};
  for (const layer of layers) {
    for (const [section, values] of Object.entries(layer)) result[section] = { ...result[section], ...values };
  }
  return result;
}

function formatValue(value: IniValue): string {
  const text = String(value);
  // Grafana's ini parser treats `#` and `;` as comment starts unless the value is triple-quoted.
  return /[#;]/.test(text) ? `"""${text}"""` : text;
}

/** Writes `grafana.ini` with sections and keys sorted, so equal settings give equal bytes. */
export function writeIni(sections: IniSections): string {
  const names = Object.keys(sections)
    .filter((name) => Object.keys(sections[name]!).length > 0)
    .sort();
  return names
    .map((name) => {
      const values = sections[name]!;
      const lines = Object.keys(values)
        .sort()
        .map((key) => `${key} = ${formatValue(values[key]!)}`.trimEnd());
      return `[${name}]\n${lines.join('\n')}\n`;
    })
    .join('\n');
}
