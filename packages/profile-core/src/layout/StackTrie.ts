/**
 * A call tree keyed by (parent node, function name id), stored column-wise in typed arrays with an
 * open-addressing hash for child lookup. Node 0 is the root ("total"). Two value channels (left/right) let one
 * trie hold a diff. Memory: ~40 bytes per node while building; nothing is retained after `toLevels`.
 */
export class StackTrie {
  parent: Int32Array;
  name: Int32Array;
  value: Float64Array;
  self: Float64Array;
  valueRight: Float64Array | undefined;
  selfRight: Float64Array | undefined;
  count = 1;
  private table: Int32Array;
  private mask: number;

  constructor(
    readonly diff = false,
    capacity = 1024
  ) {
    capacity = Math.max(16, capacity);
    this.parent = new Int32Array(capacity);
    this.name = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
    this.self = new Float64Array(capacity);
    if (diff) {
      this.valueRight = new Float64Array(capacity);
      this.selfRight = new Float64Array(capacity);
    }
    let size = 16;
    while (size < capacity * 2) {
      size *= 2;
    }
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.parent[0] = -1;
    this.name[0] = -1;
  }

  /** Adds one root-first stack with weight v to the left (or right, for diffs) channel. */
  add(frames: Int32Array, depth: number, v: number, right = false): void {
    let node = 0;
    const value = right ? this.valueRight! : this.value;
    value[0] += v;
    for (let i = 0; i < depth; i++) {
      node = this.child(node, frames[i]);
      (right ? this.valueRight! : this.value)[node] += v;
    }
    (right ? this.selfRight! : this.self)[node] += v;
  }

  /** Finds or creates the child of `parent` named `name`. */
  child(parent: number, name: number): number {
    const table = this.table;
    const mask = this.mask;
    let h = (Math.imul(parent, 0x9e3779b1) ^ Math.imul(name + 1, 0x85ebca77)) & mask;
    for (;;) {
      const slot = table[h];
      if (slot === 0) {
        break;
      }
      const n = slot - 1;
      if (this.parent[n] === parent && this.name[n] === name) {
        return n;
      }
      h = (h + 1) & mask;
    }
    const n = this.count++;
    if (n >= this.parent.length) {
      this.grow();
      return this.child(parent, name);
    }
    this.parent[n] = parent;
    this.name[n] = name;
    table[h] = n + 1;
    if (this.count * 2 > table.length) {
      this.rehash(table.length * 2);
    }
    return n;
  }

  private grow(): void {
    // Called with count already incremented for the node being created: undo, resize, let child() retry.
    this.count--;
    const cap = this.parent.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.parent = grow32(this.parent);
    this.name = grow32(this.name);
    this.value = grow64(this.value);
    this.self = grow64(this.self);
    if (this.diff) {
      this.valueRight = grow64(this.valueRight!);
      this.selfRight = grow64(this.selfRight!);
    }
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let n = 1; n < this.count; n++) {
      let h = (Math.imul(this.parent[n], 0x9e3779b1) ^ Math.imul(this.name[n] + 1, 0x85ebca77)) & mask;
      while (table[h] !== 0) {
        h = (h + 1) & mask;
      }
      table[h] = n + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}
