/// Saving a file the service rendered: the bytes become a Blob and an `<a download>` is clicked.
/// A browser puts the file in its downloads; Electron shows the native save dialog for the same
/// click, so one code path serves both.

/// A file to save: its name, media type and bytes as base64.
export interface DownloadableFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/// How long the object URL outlives the click (Electron's save dialog reads it after the click).
const REVOKE_AFTER_MS = 60_000;

/// The bytes of a base64 string.
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/// Offers `file` as a download under its own name.
export function saveDownload(file: DownloadableFile): void {
  saveBlob(new Blob([base64Bytes(file.base64)], { type: file.mimeType }), file.fileName);
}

/// Offers `blob` as a download named `fileName`.
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
