import type { OutputFormat } from './output-format.js';
import { terminalCell } from './terminal-text.js';

/** A flat row for tables and CSV; JSON formats get the full records. */
export type Row = Readonly<Record<string, string | number | boolean | undefined>>;

/** What a table's totals line says (`3 organizations`, `the first 20 members; there are more`), and CSV's columns. */
export interface RowsFooter {
  /** The record's name, singular and plural (`['organization', 'organizations']`). */
  readonly noun?: readonly [singular: string, plural: string] | undefined;
  /** Whether a `--limit` cut the list (more records exist than are shown). */
  readonly limited?: boolean | undefined;
  /** CSV's header when there may be no rows to take the columns from. */
  readonly columns?: readonly string[] | undefined;
}

/**
 * A table for people: a header, a rule under it, one line per row (no rule between rows),
 * every cell escaped for the terminal.
 */
async function renderTable(columns: readonly string[], rows: readonly Row[]): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const table = new Table({
    head: columns.map(terminalCell),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) table.push(columns.map((column) => terminalCell(String(row[column] ?? ''))));
  const lines = table.toString().split('\n');
  // The header is one line (cells never hold a newline): put the rule back under it only.
  const top = lines[0] ?? '';
  const rule = top.replace('┌', '├').replace('┐', '┤').replaceAll('┬', '┼');
  return [top, lines[1] ?? '', rule, ...lines.slice(2)].join('\n');
}

/** `3 organizations`, `1 organization`, `the first 20 members (--limit)`. */
function totals(count: number, footer: RowsFooter & { noun: readonly [string, string] }): string {
  const noun = count === 1 ? footer.noun[0] : footer.noun[1];
  return footer.limited
    ? `the first ${count} ${noun}; there are more (raise --limit to see them)`
    : `${count} ${noun}`;
}

/**
 * Writes rows in the chosen format: an aligned table with a totals line for people; JSON
 * (one array), NDJSON (a record per line) or CSV (with a header) for scripts. `records` are
 * what JSON formats print (the full objects), defaulting to the rows.
 */
export async function writeRows(
  out: NodeJS.WritableStream,
  format: OutputFormat,
  rows: readonly Row[],
  records: readonly unknown[] = rows,
  footer?: RowsFooter,
): Promise<void> {
  if (format === 'json') {
    out.write(`${JSON.stringify(records, null, 2)}\n`);
    return;
  }
  if (format === 'ndjson') {
    for (const record of records) out.write(`${JSON.stringify(record)}\n`);
    return;
  }
  const columns = [...new Set([...(footer?.columns ?? []), ...rows.flatMap((row) => Object.keys(row))])];
  if (format === 'csv') {
    // Table and CSV libraries load only for the formats that need them.
    const { stringify } = await import('csv-stringify/sync');
    out.write(
      stringify(
        rows.map((row) => columns.map((column) => row[column] ?? '')),
        // A cell starting with = + - @ (or a tab or CR) is a formula to a spreadsheet:
        // prefixed with ' so it stays text (the OWASP rule).
        { header: true, columns, escape_formulas: true },
      ) || (columns.length > 0 ? `${columns.join(',')}\n` : ''),
    );
    return;
  }
  if (rows.length === 0) {
    out.write(footer?.noun ? `No ${footer.noun[1]}.\n` : '(none)\n');
    return;
  }
  out.write(`${await renderTable(columns, rows)}\n`);
  if (footer?.noun) out.write(`${totals(rows.length, { ...footer, noun: footer.noun })}\n`);
}
