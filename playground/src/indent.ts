// Indentation for φ: Python's parser cannot see blocks behind symbols (`∀ x ∈ xs:`), so a
// line ending in `:` indents the next one, and other lines keep their indentation.
import { indentService } from '@codemirror/language';

export const phiIndent = indentService.of((context, pos) => {
  const line = context.lineAt(pos, -1);
  if (line.from === pos && pos === 0) return 0;
  const previous = pos > line.from ? line : context.lineAt(line.from - 1, -1);
  const text = previous.text.replace(/#.*$/, '').trimEnd();
  const indent = /^\s*/.exec(previous.text)?.[0].length ?? 0;
  return text.endsWith(':') ? indent + context.unit : indent;
});
