/**
 * How `<dash-download>` saves a file, loaded before its first update (docs/download.md, "What
 * loads when"): the element class keeps the Dash API and decides when to save.
 */
import { isRecord } from '../../internal/is-record.js';
import type { DashDownload } from './download.js';

/** Bytes of a base64 string (Dash's `send_bytes` / `send_file`). */
function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/\s/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves `data` (`{content, filename, base64?, type?}`) as a file, through a link in the element's shadow root. */
export function saveFile(host: DashDownload, data: unknown): void {
  if (!isRecord(data) || typeof data.content !== 'string' || typeof data.filename !== 'string') {
    host.warnOnce('data', 'attribute "data" must be {content: string, filename: string, base64?, type?}; nothing was saved');
    return;
  }
  const type = typeof data.type === 'string' ? data.type : host.type;
  let blob: Blob;
  try {
    const isBase64 = typeof data.base64 === 'boolean' ? data.base64 : host.base64;
    blob = new Blob([isBase64 ? base64Bytes(data.content) : data.content], { type });
  } catch {
    host.warnOnce('data-base64', `the content of "${data.filename}" is not valid base64; nothing was saved`);
    return;
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = data.filename;
  link.hidden = true;
  host.shadowRoot!.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; keep it a moment for slow starts, then free the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
