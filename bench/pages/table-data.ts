// The table bench's data, generated the same way in every page: 1,000,000 flights-like rows ×
// 7 columns (numbers, text, dates) from a fixed-seed generator, plus helpers every page shares.
export interface FlightRow {
  id: number;
  date: string;
  origin: string;
  dest: string;
  delay: number;
  distance: number;
  /** "Last, First A.B. (City)": ~1,000,000 distinct texts, a few with accents. */
  passenger: string;
}

const AIRPORTS = ['ATL', 'BOS', 'DEN', 'DFW', 'EWR', 'IAH', 'JFK', 'LAS', 'LAX', 'MCO', 'MIA', 'MSP', 'ORD', 'PHL', 'PHX', 'SAN', 'SEA', 'SFO', 'SLC', 'TPA'];

const FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra', 'Ana', 'Luis', 'Mei', 'Hiroshi', 'Fatima', 'Omar', 'Olga', 'Ivan', 'Priya', 'Chloé'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', "O'Brien", 'McDonald', 'de la Cruz', 'van der Berg', 'Müller', 'Núñez'];
const CITIES = ['Springfield', 'Riverside', 'Franklin', 'Greenville', 'Bristol', 'Clinton', 'Fairview', 'Salem', 'Madison', 'Georgetown', 'Arlington', 'Ashland', 'Dover', 'Oxford', 'Jackson', 'Burlington', 'Manchester', 'Milton', 'Newport', 'Auburn', 'Dayton', 'Lexington', 'Milford', 'Winchester', 'Cleveland', 'Hudson', 'Kingston', 'Mount Vernon', 'Clayton', 'Marion', 'Sao Paulo', 'Zurich', 'Montréal', 'Krakow', 'Bogota', 'Lyon', 'Osaka', 'Austin', 'Denver', 'St. Louis'];

/**
 * The rows as a page receives them from a server (Dash sends a table's data as JSON; `fetch().json()`
 * gives the same): parsed from JSON text, so every string is a flat string. Text built by
 * concatenation, as the generator builds it, is a rope in V8, whose characters cost several times
 * more to read (docs/table.md "Sorting"); data from a server or a parsed file are not ropes.
 */
export function makeRows(n = 1_000_000): FlightRow[] {
  return JSON.parse(JSON.stringify(generateRows(n))) as FlightRow[];
}

function generateRows(n: number): FlightRow[] {
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const start = Date.UTC(2001, 0, 1);
  const rows: FlightRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = new Date(start + Math.floor(rand() * 365 * 24 * 60) * 60000).toISOString();
    rows[i] = {
      id: i + 1,
      date: `${t.slice(0, 10)} ${t.slice(11, 16)}`,
      origin: AIRPORTS[Math.floor(rand() * AIRPORTS.length)],
      dest: AIRPORTS[Math.floor(rand() * AIRPORTS.length)],
      delay: Math.round(rand() * rand() * 400 - 30),
      distance: Math.round(100 + rand() * 2600),
      passenger:
        `${LAST[Math.floor(rand() * LAST.length)]}, ${FIRST[Math.floor(rand() * FIRST.length)]} ` +
        `${String.fromCharCode(65 + Math.floor(rand() * 26))}.${String.fromCharCode(65 + Math.floor(rand() * 26))}. ` +
        `(${CITIES[Math.floor(rand() * CITIES.length)]})`,
    };
  }
  return rows;
}

export const COLUMNS = [
  { id: 'id', name: 'ID', type: 'numeric' },
  { id: 'date', name: 'Date', type: 'datetime' },
  { id: 'origin', name: 'Origin', type: 'text' },
  { id: 'dest', name: 'Destination', type: 'text' },
  { id: 'delay', name: 'Delay', type: 'numeric' },
  { id: 'distance', name: 'Distance', type: 'numeric' },
  { id: 'passenger', name: 'Passenger', type: 'text' },
] as const;

/** Resolves after the next frame has been painted. */
export function painted(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/** Resolves once `check()` is true, testing every microtask turn and then every frame. */
export async function until(check: () => boolean, timeoutMs = 30000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (let i = 0; i < 3 && !check(); i++) await Promise.resolve();
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** Elements in the page, including those in shadow roots. */
export function countNodes(root: Document | ShadowRoot = document): number {
  let count = 0;
  for (const el of root.querySelectorAll('*')) {
    count++;
    if (el.shadowRoot) count += countNodes(el.shadowRoot);
  }
  return count;
}

/**
 * Scrolls `scroller` for `ms` and returns every frame's duration (rAF to rAF): at a fixed speed,
 * or, with `pxPerFrame`, by a fixed jump every frame (wrapping at the end), however long frames take.
 * The bench runs Chromium without its frame-rate cap, so a frame takes as long as its work.
 */
export function scrollFrames(scroller: HTMLElement, ms = 5000, pxPerSecond = 6000, pxPerFrame = 0): Promise<number[]> {
  return new Promise((resolve) => {
    const frames: number[] = [];
    const max = scroller.scrollHeight - scroller.clientHeight;
    let t0 = 0;
    let last = 0;
    const step = (now: number) => {
      if (!t0) t0 = last = now;
      else {
        frames.push(now - last);
        last = now;
      }
      if (now - t0 >= ms) return resolve(frames);
      scroller.scrollTop = pxPerFrame ? ((frames.length + 1) * pxPerFrame) % max : Math.min(max, ((now - t0) / 1000) * pxPerSecond);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/**
 * Frames, of `frames` each scrolled by `pxPerFrame` in its animation frame as `scrollFrames` does,
 * that show no row where rows belong: at half, three quarters and 95% of the scroller's height,
 * looked at after the frame's animation frame callbacks, style and layout, just before it paints
 * (in a ResizeObserver callback, which runs there: a probe is resized every frame). A grid that
 * renders its rows a frame late paints blank there, and its frame times do not show it. The first
 * frame is not counted (no grid has heard of the scrolling yet).
 */
export async function blankFrames(scroller: HTMLElement, rowSelector: string, pxPerFrame: number, frames = 60): Promise<number> {
  const root = scroller.getRootNode() as Document | ShadowRoot;
  const box = scroller.getBoundingClientRect();
  const probe = document.body.appendChild(document.createElement('div'));
  let blank = 0;
  let counting = false;
  const observer = new ResizeObserver(() => {
    if (!counting) return;
    const rowAt = (share: number) => root.elementFromPoint(box.left + 60, box.top + box.height * share)?.closest(rowSelector);
    if (![0.5, 0.75, 0.95].every(rowAt)) blank++;
  });
  observer.observe(probe);
  for (let f = 0; f <= frames; f++) {
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        counting = f > 0;
        scroller.scrollTop += pxPerFrame;
        probe.style.width = `${f + 1}px`;
        resolve();
      }),
    );
  }
  await new Promise((resolve) => requestAnimationFrame(resolve));
  observer.disconnect();
  probe.remove();
  return blank;
}

/** What each page exposes to the bench suite. */
export interface TableBenchPage {
  load(): Promise<number>;
  sortNumeric(): Promise<number>;
  sortText(): Promise<number>;
  /** Sort by a text column with ~1,000,000 distinct values. */
  sortTextDistinct(): Promise<number>;
  filter(): Promise<{ ms: number; rows: number }>;
  clear(): Promise<void>;
  /** See scrollFrames: at 6,000 px/s, or by `pxPerFrame` every frame. */
  scroll(ms: number, pxPerFrame?: number): Promise<number[]>;
  /** See blankFrames. */
  blank(pxPerFrame: number): Promise<number>;
  /** The element whose scrolling moves the grid's rows (what scroll and blank scroll). */
  scroller(): HTMLElement;
  nodes(): number;
}

declare global {
  interface Window {
    tableBench: TableBenchPage;
    rows: FlightRow[];
  }
}
