import type { OutputFormat } from './output-format.js';
import { terminalCell } from './terminal-text.js';

/** A flat row for tables and CSV; JSON formats get the full records. */
export type Row = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Writes rows in the chosen format: an aligned table for people; JSON (one array),
 * NDJSON (a record per line) or CSV (with a header) for scripts. `records` are what JSON
 * formats print (the full objects), defaulting to the rows.
 */
export async function writeRows(
  out: NodeJS.WritableStream,
  format: OutputFormat,
  rows: readonly Row[],
  records: readonly unknown[] = rows,
): Promise<void> {
  if (format === 'json') {
    out.write(`${JSON.stringify(records, null, 2)}\n`);
    return;
  }
  if (format === 'ndjson') {
    for (const record of records) out.write(`${JSON.stringify(record)}\n`);
    return;
  }
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (format === 'csv') {
    // Table and CSV libraries load only for the formats that need them.
    const { stringify } = await import('csv-stringify/sync');
    out.write(
      stringify(
        rows.map((row) => columns.map((column) => row[column] ?? '')),
        // A cell starting with = + - @ (or a tab or CR) is a formula to a spreadsheet:
        // prefixed with ' so it stays text (the OWASP rule).
        { header: true, columns, escape_formulas: true },
      ),
    );
    return;
  }
  if (rows.length === 0) {
    out.write('(none)\n');
    return;
  }
  const { default: Table } = await import('cli-table3');
  const table = new Table({ head: columns.map(terminalCell), style: { head: [], border: [] } });
  for (const row of rows) table.push(columns.map((column) => terminalCell(String(row[column] ?? ''))));
  out.write(`${table.toString()}\n`);
}
