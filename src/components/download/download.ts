import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter } from '../../internal/converters.js';
import { deepEqual } from '../../internal/deep-equal.js';
import { isRecord } from '../../internal/is-record.js';
import { downloadStyles } from './download.styles.js';

/** What Dash's `dcc.send_string`, `send_bytes`, `send_file` and `send_data_frame` return. */
export interface DownloadData {
  /** The file's text, or its bytes in base64 when `base64` is true. */
  content: string;
  filename: string;
  /** `content` is base64 (binary files). Default: the element's `base64`. */
  base64?: boolean;
  /** The MIME type. Default: the element's `type`. */
  type?: string;
}

/** Bytes of a base64 string (Dash's `send_bytes` / `send_file`). */
function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/\s/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Dash's `dcc.Download`: writing `data` — as Dash's `dcc.send_*` helpers return it, `{content,
 * filename, base64?, type?}` — saves that file in the browser. Renders nothing.
 *
 * @summary Saves a file when a callback writes `data`.
 *
 * @fires dash-prop-change - A public property changed (`detail: {prop, value, user}`).
 *
 * @tagname dash-download
 */
export class DashDownload extends DashElement {
  static override styles = downloadStyles;

  /** The file to save: `{content, filename, base64?, type?}`. Each new value saves once. JSON in the attribute. */
  @property({ converter: jsonConverter }) data: DownloadData | null = null;

  /** Whether `content` is base64 when `data` does not say (Dash's default: false). */
  @property({ type: Boolean, reflect: true }) base64 = false;

  /** The MIME type when `data` does not say (Dash's default: `text/plain`). */
  @property({ reflect: true }) type = 'text/plain';

  protected override render() {
    return html``;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // As Dash: every new non-null `data` saves once (a deep-equal one does not), the page's initial value included.
    if (changed.has('data') && this.data !== null && !deepEqual(changed.get('data'), this.data)) this.save(this.data);
  }

  private save(data: unknown): void {
    if (!isRecord(data) || typeof data.content !== 'string' || typeof data.filename !== 'string') {
      this.warnOnce('data', 'attribute "data" must be {content: string, filename: string, base64?, type?}; nothing was saved');
      return;
    }
    const type = typeof data.type === 'string' ? data.type : this.type;
    let blob: Blob;
    try {
      const isBase64 = typeof data.base64 === 'boolean' ? data.base64 : this.base64;
      blob = new Blob([isBase64 ? base64Bytes(data.content) : data.content], { type });
    } catch {
      this.warnOnce('data-base64', `the content of "${data.filename}" is not valid base64; nothing was saved`);
      return;
    }
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = data.filename;
    link.hidden = true;
    this.shadowRoot!.append(link);
    link.click();
    link.remove();
    // The download has started from the URL by now; keep it a moment for slow starts, then free the memory.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
