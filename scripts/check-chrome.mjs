// Fails early, with instructions, when no Chromium is installed (tests never download one).
import { chromePath } from './chrome-path.mjs';

if (!chromePath()) {
  console.error(
    'No Chromium found. Install one and/or point CHROME_PATH at it, e.g.\n' +
      '  sudo apt-get install -y chromium      (Debian/Ubuntu)\n' +
      '  export CHROME_PATH=/path/to/chrome',
  );
  process.exit(1);
}
