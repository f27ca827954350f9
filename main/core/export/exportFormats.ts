/// The export formats' names, apart from the exporters: what the command line's options and the
/// service's argument schemas list, without loading the exporters themselves.

/// Every export format.
export const EXPORT_FORMATS = ['exchange', 'jsonl', 'doccano', 'prodigy', 'csv', 'conll', 'brat', 'w3c'] as const;
/// One export format.
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
