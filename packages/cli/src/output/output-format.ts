/** Output formats of list commands. */
export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;

/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
