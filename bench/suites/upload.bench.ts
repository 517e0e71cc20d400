// Issue 16: a 50 MB file dropped on <dash-upload> must not freeze the page while it is read. The
// longest frame (rAF gap) from the drop until `contents` is written, beside one FileReader over the
// whole file and the naive way (bytes + btoa on the main thread). bench/pages/upload.html; the file is random bytes (base64's worst case).
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../harness.js';

const MB = 50;
const RUNS = 3;

interface Figures {
  longest: number;
  total: number;
  frames: number;
}

const suite: BenchSuite = {
  title: `Upload: reading a ${MB} MB file (median of ${RUNS})`,
  async run(ctx: BenchContext) {
    const page = await ctx.open('bench/pages/upload.html');
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true);
    const measure = async (name: 'dashUpload' | 'wholeFileReader' | 'mainThreadBase64') => {
      const runs: Figures[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await page.evaluate(([fn, mb]) => (window as unknown as { bench: Record<string, (mb: number) => Promise<Figures>> }).bench[fn](mb), [name, MB] as const));
      }
      return { longest: median(runs.map((r) => r.longest)), total: median(runs.map((r) => r.total)) };
    };
    const ours = await measure('dashUpload');
    const whole = await measure('wholeFileReader');
    const naive = await measure('mainThreadBase64');
    await page.close();
    const [reader, btoa] = ['one readAsDataURL', 'bytes + btoa'];
    const rows: BenchRow[] = [
      { metric: `longest frame while a ${MB} MB file is read`, unit: 'ms', ours: ours.longest, peers: { [reader]: whole.longest, [btoa]: naive.longest }, target: 'no freeze (< 200 ms)' },
      { metric: `drop → contents written (${MB} MB)`, unit: 'ms', ours: ours.total, peers: { [reader]: whole.total, [btoa]: naive.total } },
    ];
    return rows;
  },
};

export default suite;
