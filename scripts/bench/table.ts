/** Tables as aligned text for the terminal and as Markdown for .bench/results.md. */
export type Cell = string;

export function textTable(headers: Cell[], rows: Cell[][], align: ('left' | 'right')[] = []): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: Cell[]) =>
    cells
      .map((cell, column) => (align[column] === 'right' ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const escapeMarkdown = (cell: Cell) => cell.replaceAll('|', '\\|');

export function markdownTable(headers: Cell[], rows: Cell[][], align: ('left' | 'right')[] = []): string {
  const rule = headers.map((_, column) => (align[column] === 'right' ? '---:' : '---'));
  return [headers, rule, ...rows].map((cells) => `| ${cells.map(escapeMarkdown).join(' | ')} |`).join('\n');
}
