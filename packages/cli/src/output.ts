import { styleText } from 'node:util';

const useColor =
  process.env.FORCE_COLOR !== undefined
    ? process.env.FORCE_COLOR !== '0'
    : Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;

type Style = Parameters<typeof styleText>[0];

/** Colours text when writing to a terminal (or FORCE_COLOR is set), never in pipes and CI logs. */
export function paint(style: Style, text: string): string {
  return useColor ? styleText(style, text) : text;
}
