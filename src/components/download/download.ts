import { type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter } from '../../internal/converters.js';
import { deepEqual } from '../../internal/deep-equal.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
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

/** How a file is saved: a chunk loaded before the first update (docs/download.md). */
const downloadSave = new Lazy(() => import('./download-save.js'));

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
export class DashDownload extends LazyView(DashElement, downloadSave) {
  static override styles = downloadStyles;

  /** The file to save: `{content, filename, base64?, type?}`. Each new value saves once. JSON in the attribute. */
  @property({ converter: jsonConverter }) data: DownloadData | null = null;

  /** Whether `content` is base64 when `data` does not say (Dash's default: false). */
  @property({ type: Boolean, reflect: true }) base64 = false;

  /** The MIME type when `data` does not say (Dash's default: `text/plain`). */
  @property({ reflect: true }) type = 'text/plain';

  protected override render() {
    return null;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // As Dash: every new non-null `data` saves once (a deep-equal one does not), the page's initial value included.
    if (changed.has('data') && this.data !== null && !deepEqual(changed.get('data'), this.data)) this.view?.saveFile(this, this.data);
  }
}
