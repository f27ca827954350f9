/// pdf.js's worker module, loaded into this thread (readPdf.ts); it ships without types.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /// What pdf.js looks for on `globalThis.pdfjsWorker` to run without a worker thread.
  export const WorkerMessageHandler: unknown;
}
