/** Which dropped or picked files `<dash-upload>` takes (`accept`, `minSize`, `maxSize`, `multiple`), as Dash's react-dropzone does. */

export type UploadRejectReason = 'file-invalid-type' | 'file-too-large' | 'file-too-small' | 'too-many-files';

export interface RejectedFile {
  name: string;
  size: number;
  type: string;
  reason: UploadRejectReason;
  message: string;
}

export interface FileRules {
  accept: string | null;
  minSize: number;
  maxSize: number;
  multiple: boolean;
}

/** `accept` as the file input reads it: `.csv`, `text/*`, `image/png`, comma-separated. */
export function acceptList(accept: string | null): string[] {
  return (accept ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether a file's name or MIME type matches one `accept` entry (types alone when the name is unknown, while dragging). */
export function accepts(accept: string[], name: string | null, type: string): boolean {
  if (accept.length === 0) return true;
  const mime = type.toLowerCase();
  return accept.some((entry) => {
    if (entry.startsWith('.')) return name === null || name.toLowerCase().endsWith(entry);
    if (entry.endsWith('/*')) return mime.startsWith(entry.slice(0, -1));
    return mime === entry;
  });
}

/** Splits files into those taken and those refused, each refusal with Dash's (react-dropzone's) reason. */
export function sortFiles(files: readonly File[], rules: FileRules): { accepted: File[]; rejected: RejectedFile[] } {
  const accept = acceptList(rules.accept);
  const accepted: File[] = [];
  const rejected: RejectedFile[] = [];
  const refuse = (file: File, reason: UploadRejectReason, message: string) =>
    rejected.push({ name: file.name, size: file.size, type: file.type, reason, message });
  for (const file of files) {
    if (!rules.multiple && files.length > 1) refuse(file, 'too-many-files', 'only one file may be uploaded at a time');
    else if (!accepts(accept, file.name, file.type)) refuse(file, 'file-invalid-type', `file type must be ${accept.join(', ')}`);
    else if (rules.maxSize >= 0 && file.size > rules.maxSize) refuse(file, 'file-too-large', `file is larger than ${rules.maxSize} bytes`);
    else if (rules.minSize > 0 && file.size < rules.minSize) refuse(file, 'file-too-small', `file is smaller than ${rules.minSize} bytes`);
    else accepted.push(file);
  }
  return { accepted, rejected };
}

/**
 * Bytes read at a time: a multiple of 3, so each slice's base64 joins the next without padding.
 * The browser encodes each slice in one go on the main thread (~10 ms for 3 MB), so a 50 MB file
 * read whole would freeze the page for ~400 ms, and read in slices never does (bench/suites/upload).
 */
const SLICE = 3 * 1024 * 1024;

function readSlice(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(blob);
  });
}

/** A file as a data URL (`data:<type>;base64,…`), read slice by slice so the page keeps drawing frames. */
export async function readAsDataUrl(file: File): Promise<string> {
  let dataUrl = await readSlice(file.slice(0, SLICE, file.type));
  for (let start = SLICE; start < file.size; start += SLICE) {
    const slice = await readSlice(file.slice(start, start + SLICE));
    // `+=`, not join(): V8 links the pieces (a rope) instead of copying 67 MB in one frame.
    dataUrl += slice.slice(slice.indexOf(',') + 1);
  }
  return dataUrl;
}
