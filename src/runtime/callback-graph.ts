/**
 * Who writes and who reads each property, and the cycle check (docs/callbacks.md).
 * Edges run from a callback to the callbacks that read one of its outputs as an input; a callback
 * that reads its own output is not an edge (rule 11). State never orders or cycles (as in Dash).
 * Each property a callback names is one record, found by its id; callbacks keep the records of
 * their inputs and outputs, so adding, removing and looking up cost what they touch. No DOM here.
 */
import { type Dependency, canonicalProp } from './dependency.js';
import { type Members, membersOf, withMember, withoutMember } from './multi-map.js';

/** What a property holds before any value is seen. */
export const UNSEEN: unique symbol = Symbol('unseen');

/**
 * One property that callbacks name: an element's id and a property (either spelling), its readers
 * and writers, and the last value seen (kept by the runtime while the property is read; forgotten
 * with its last reader).
 */
export class Prop<N> {
  readers: Members<N>;
  writers: Members<N>;
  known: unknown = UNSEEN;

  constructor(
    readonly id: string,
    /** Canonical: `nClicks` for `n_clicks`. */
    readonly name: string,
  ) {}

  /** `id.prop`, for messages. */
  get key(): string {
    return `${this.id}.${this.name}`;
  }
}

export interface GraphNode {
  /** For messages: how the page wrote the callback's outputs. */
  readonly name: string;
  readonly inputProps: readonly Prop<this>[];
  readonly outputProps: readonly Prop<this>[];
  /**
   * Kept by the graph on the node itself (no map lookups: a big page asks for every node several
   * times per wiring): its consumers and producers, until an edge around it changes.
   */
  consumerCache?: ReadonlySet<this>;
  producerCache?: ReadonlySet<this>;
}

export class CallbackGraph<N extends GraphNode> {
  /** The properties named, by id: most ids have one (a record alone), some a few (a list). */
  private readonly props = new Map<string, Prop<N> | Prop<N>[]>();
  readonly nodes = new Set<N>();

  /** The record of a property, made if none is kept; it is kept while a node added names it. */
  prop(dep: Dependency): Prop<N> {
    const name = canonicalProp(dep.prop);
    const held = this.props.get(dep.id);
    const found = find(held, name);
    if (found) return found;
    const prop = new Prop<N>(dep.id, name);
    this.props.set(dep.id, held === undefined ? prop : Array.isArray(held) ? [...held, prop] : [held, prop]);
    return prop;
  }

  /** The record of a property a node added names, if any. */
  find(dep: Dependency): Prop<N> | undefined {
    return find(this.props.get(dep.id), canonicalProp(dep.prop));
  }

  /** Adds a node whose records came from `prop` just before. */
  add(node: N): void {
    this.nodes.add(node);
    for (const prop of node.inputProps) prop.readers = withMember(prop.readers, node);
    for (const prop of node.outputProps) prop.writers = withMember(prop.writers, node);
    // The neighbours' caches change; its own are made from the same lookups (a page of 10,000
    // independent callbacks looks at each record once here, and never again for the cycle check).
    let producers: Set<N> | undefined;
    let consumers: Set<N> | undefined;
    for (const prop of node.inputProps) {
      for (const writer of membersOf(prop.writers)) {
        writer.consumerCache = undefined;
        if (writer !== node) (producers ??= new Set()).add(writer);
      }
    }
    for (const prop of node.outputProps) {
      for (const reader of membersOf(prop.readers)) {
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

  /** Removes a node; a property no node names any more is forgotten. */
  remove(node: N): void {
    if (!this.nodes.delete(node)) return;
    this.invalidateAround(node);
    for (const prop of node.inputProps) {
      prop.readers = withoutMember(prop.readers, node);
      if (prop.readers === undefined) prop.known = UNSEEN;
      this.release(prop);
    }
    for (const prop of node.outputProps) {
      prop.writers = withoutMember(prop.writers, node);
      this.release(prop);
    }
  }

  private release(prop: Prop<N>): void {
    if (prop.readers !== undefined || prop.writers !== undefined) return;
    const held = this.props.get(prop.id);
    if (held === prop) this.props.delete(prop.id);
    else if (Array.isArray(held)) {
      const rest = held.filter((other) => other !== prop);
      this.props.set(prop.id, rest.length === 1 ? rest[0] : rest);
    }
  }

  /** Callbacks that read one of `node`'s outputs (not `node` itself). */
  consumers(node: N): ReadonlySet<N> {
    return (node.consumerCache ??= collect(node.outputProps, 'readers', node));
  }

  /** Callbacks that write one of `node`'s inputs (not `node` itself). */
  producers(node: N): ReadonlySet<N> {
    return (node.producerCache ??= collect(node.inputProps, 'writers', node));
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
      return node.outputProps.find((prop) => next.inputProps.includes(prop))?.key ?? node.name;
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
    for (const prop of node.inputProps) for (const writer of membersOf(prop.writers)) writer.consumerCache = undefined;
    for (const prop of node.outputProps) for (const reader of membersOf(prop.readers)) reader.producerCache = undefined;
  }
}

const EMPTY: ReadonlySet<never> = new Set();

/** The readers or writers of `props`, but `self`. Most callbacks of a big page feed nothing: they share one empty set. */
function collect<N extends object>(props: readonly Prop<N>[], side: 'readers' | 'writers', self: N): ReadonlySet<N> {
  let set: Set<N> | undefined;
  for (const prop of props) for (const node of membersOf(prop[side])) if (node !== self) (set ??= new Set()).add(node);
  return set ?? EMPTY;
}

/** The record named `name` among those of one id. */
function find<N>(held: Prop<N> | Prop<N>[] | undefined, name: string): Prop<N> | undefined {
  if (held === undefined) return undefined;
  if (!Array.isArray(held)) return held.name === name ? held : undefined;
  return held.find((prop) => prop.name === name);
}
