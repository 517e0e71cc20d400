/**
 * Who writes and who reads each property, and the cycle check (docs/callbacks.md).
 * Edges run from a callback to the callbacks that read one of its outputs as an input; a callback
 * that reads its own output is not an edge (rule 11). State never orders or cycles (as in Dash).
 * Everything is kept in maps so adding, removing and looking up cost what they touch. No DOM here.
 */
import { MultiMap } from './multi-map.js';

export interface GraphNode {
  /** For messages: how the page wrote the callback's outputs. */
  readonly name: string;
  readonly inputKeys: readonly string[];
  readonly outputKeys: readonly string[];
  /**
   * Kept by the graph on the node itself (no map lookups: a big page asks for every node several
   * times per wiring): its consumers and producers, until an edge around it changes.
   */
  consumerCache?: ReadonlySet<this>;
  producerCache?: ReadonlySet<this>;
}

export class CallbackGraph<N extends GraphNode> {
  private readonly readers = new MultiMap<string, N>();
  private readonly writers = new MultiMap<string, N>();
  readonly nodes = new Set<N>();

  add(node: N): void {
    this.nodes.add(node);
    for (const key of node.inputKeys) this.readers.add(key, node);
    for (const key of node.outputKeys) this.writers.add(key, node);
    // The neighbours' caches change; its own are made from the same lookups (a page of 10,000
    // independent callbacks looks each key up once here, and never again for the cycle check).
    let producers: Set<N> | undefined;
    let consumers: Set<N> | undefined;
    for (const key of node.inputKeys) {
      for (const writer of this.writers.get(key)) {
        writer.consumerCache = undefined;
        if (writer !== node) (producers ??= new Set()).add(writer);
      }
    }
    for (const key of node.outputKeys) {
      for (const reader of this.readers.get(key)) {
        reader.producerCache = undefined;
        if (reader !== node) (consumers ??= new Set()).add(reader);
      }
    }
    node.producerCache = producers ?? EMPTY;
    node.consumerCache = consumers ?? EMPTY;
  }

  has(node: N): boolean {
    return this.nodes.has(node);
  }

  remove(node: N): void {
    if (!this.nodes.delete(node)) return;
    this.invalidateAround(node);
    for (const key of node.inputKeys) this.readers.delete(key, node);
    for (const key of node.outputKeys) this.writers.delete(key, node);
  }

  /** Callbacks that read `key` as an input. */
  readersOf(key: string): Iterable<N> {
    return this.readers.get(key);
  }

  isRead(key: string): boolean {
    return this.readers.has(key);
  }

  /** Callbacks that read one of `node`'s outputs (not `node` itself). */
  consumers(node: N): ReadonlySet<N> {
    return (node.consumerCache ??= collect(node.outputKeys, this.readers, node));
  }

  /** Callbacks that write one of `node`'s inputs (not `node` itself). */
  producers(node: N): ReadonlySet<N> {
    return (node.producerCache ??= collect(node.inputKeys, this.writers, node));
  }

  /**
   * Every knot of cycles (Tarjan's strongly connected components, iterative so that long chains
   * cannot overflow the stack): all its callbacks, and one loop through them in edge order, for
   * the message. O(nodes + edges). Only a callback that both feeds and is fed can be in a cycle:
   * the others (most callbacks of a big page) are passed over without any bookkeeping. `roots`:
   * where to look from (every knot reachable from them is found); all nodes unless given.
   */
  findCycles(roots: Iterable<N> = this.nodes): Array<{ members: N[]; loop: N[] }> {
    const index = new Map<N, number>();
    const low = new Map<N, number>();
    const onStack = new Set<N>();
    const stack: N[] = [];
    const cycles: Array<{ members: N[]; loop: N[] }> = [];
    let counter = 0;

    const mayLoop = (node: N) => this.consumers(node).size > 0 && this.producers(node).size > 0;
    for (const root of roots) {
      if (index.has(root) || !this.nodes.has(root) || !mayLoop(root)) continue;
      const work: Array<{ node: N; children: Iterator<N> }> = [];
      const enter = (node: N) => {
        index.set(node, counter);
        low.set(node, counter++);
        stack.push(node);
        onStack.add(node);
        work.push({ node, children: this.consumers(node)[Symbol.iterator]() });
      };
      enter(root);
      while (work.length) {
        const frame = work[work.length - 1];
        const next = frame.children.next();
        if (!next.done) {
          const child = next.value;
          if (!index.has(child)) {
            if (mayLoop(child)) enter(child);
          } else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
          continue;
        }
        work.pop();
        const node = frame.node;
        if (work.length) {
          const parent = work[work.length - 1].node;
          low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
        }
        if (low.get(node) === index.get(node)) {
          const component: N[] = [];
          let member: N;
          do {
            member = stack.pop()!;
            onStack.delete(member);
            component.push(member);
          } while (member !== node);
          if (component.length > 1) cycles.push({ members: component, loop: this.findLoop(new Set(component)) });
        }
      }
    }
    return cycles;
  }

  /** `a.value → b.value → a.value`: the properties along a loop of callbacks. */
  describeLoop(cycle: readonly N[]): string {
    const keys = cycle.map((node, i) => {
      const next = cycle[(i + 1) % cycle.length];
      return node.outputKeys.find((key) => next.inputKeys.includes(key)) ?? node.name;
    });
    return [...keys, keys[0]].join(' → ');
  }

  /** Walks consumers inside the component until it closes a loop; returns that loop in order. */
  private findLoop(component: Set<N>): N[] {
    const path: N[] = [];
    const seen = new Map<N, number>();
    let node = component.values().next().value as N;
    while (!seen.has(node)) {
      seen.set(node, path.length);
      path.push(node);
      node = [...this.consumers(node)].find((c) => component.has(c))!;
    }
    return path.slice(seen.get(node));
  }

  private invalidateAround(node: N): void {
    node.consumerCache = undefined;
    node.producerCache = undefined;
    for (const key of node.inputKeys) for (const writer of this.writers.get(key)) writer.consumerCache = undefined;
    for (const key of node.outputKeys) for (const reader of this.readers.get(key)) reader.producerCache = undefined;
  }
}

const EMPTY: ReadonlySet<never> = new Set();

/** The nodes found under `keys`, but `self`. Most callbacks of a big page feed nothing: they share one empty set. */
function collect<N extends object>(keys: readonly string[], index: MultiMap<string, N>, self: N): ReadonlySet<N> {
  let set: Set<N> | undefined;
  for (const key of keys) for (const node of index.get(key)) if (node !== self) (set ??= new Set()).add(node);
  return set ?? EMPTY;
}
