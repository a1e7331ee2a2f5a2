/**
 * The tokens of one Go-template action (`{{ ... }}` without the braces), as far as the scanner needs them:
 * literals, identifiers, field chains (`.a.b`, `$x.a`) and the punctuation of pipelines and declarations.
 */

/** One token of an action. `chain`: a field chain from `.`, `$` or a variable; `fields`: `(expr).a.b`. */
export type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: string }
  | { t: 'id'; v: string }
  | { t: 'chain'; head: string; fields: string[] }
  | { t: 'fields'; fields: string[] }
  | { t: '(' | ')' | '|' | ',' | ':=' | '=' };

/** Splits an action's text into tokens; characters that start no token are skipped. */
export function lex(text: string): Token[] {
  const toks: Token[] = [];
  const field = /^(\.[A-Za-z_][A-Za-z0-9_]*)+/;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      let v: string;
      try {
        v = JSON.parse(raw) as string;
      } catch {
        v = raw.slice(1, -1);
      }
      toks.push({ t: 'str', v });
      i = j + 1;
    } else if (c === '`') {
      const j = text.indexOf('`', i + 1);
      const end = j < 0 ? text.length : j;
      toks.push({ t: 'str', v: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === "'") {
      const j = text.indexOf("'", i + 2);
      toks.push({ t: 'num', v: text.slice(i, j + 1) });
      i = j < 0 ? text.length : j + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9][0-9a-fA-FxX._eE+-]*/.exec(text.slice(i))!;
      toks.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if (c === '$') {
      const head = /^\$[A-Za-z0-9_]*/.exec(text.slice(i))![0];
      i += head.length;
      const m = field.exec(text.slice(i));
      toks.push({ t: 'chain', head, fields: m ? m[0].slice(1).split('.') : [] });
      i += m ? m[0].length : 0;
    } else if (c === '.') {
      const m = field.exec(text.slice(i));
      const previous = toks[toks.length - 1];
      const fields = m ? m[0].slice(1).split('.') : [];
      // `(expr).field`: a field of a parenthesized pipeline, written without space after the parenthesis.
      if (m && previous?.t === ')' && !/\s/.test(text[i - 1] ?? ' ')) toks.push({ t: 'fields', fields });
      else toks.push({ t: 'chain', head: '.', fields });
      i += m ? m[0].length : 1;
    } else if (c === ':' && text[i + 1] === '=') {
      toks.push({ t: ':=' });
      i += 2;
    } else if ('()|,='.includes(c)) {
      toks.push({ t: c as '(' | ')' | '|' | ',' | '=' });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      toks.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else {
      i++;
    }
  }
  return toks;
}
