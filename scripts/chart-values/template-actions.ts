/** Splitting a Go template's text into literal text and actions (`{{ ... }}`), the unit the scanner reads. */

/** A run of literal text, or one action's text without its delimiters, trim markers and surrounding space. */
export interface TemplatePart {
  kind: 'text' | 'action';
  text: string;
  /** Offset in the template of the text, or of the action's `{{`. */
  start: number;
}

/** Splits a template into literal text and actions (comments become empty actions), keeping offsets. */
export function splitActions(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    if (open < 0) {
      parts.push({ kind: 'text', text: text.slice(at), start: at });
      break;
    }
    if (open > at) parts.push({ kind: 'text', text: text.slice(at, open), start: at });
    let inner = open + 2;
    if (text[inner] === '-' && /\s/.test(text[inner + 1] ?? '')) inner++;
    const body = text.slice(inner).trimStart();
    let close: number;
    if (body.startsWith('/*')) {
      const end = text.indexOf('*/', inner);
      close = text.indexOf('}}', end < 0 ? inner : end);
      parts.push({ kind: 'action', text: '', start: open });
    } else {
      close = findClose(text, inner);
      let content = text.slice(inner, close);
      if (/\s-$/.test(content)) content = content.slice(0, -1);
      parts.push({ kind: 'action', text: content.trim(), start: open });
    }
    at = close < 0 ? text.length : close + 2;
  }
  return parts;
}

/** The `}}` that closes an action, skipping over quoted strings that may contain one. */
function findClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      i = end < 0 ? text.length : end;
    } else if (c === '}' && text[i + 1] === '}') {
      return i;
    }
  }
  return -1;
}
