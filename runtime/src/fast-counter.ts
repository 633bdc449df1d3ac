/**
 * A prom-client Counter whose `inc` costs a Map lookup instead of prom-client's per-call label hashing
 * and validation (`fastHashObject`, `validateLabel`: measured 0.37 µs → 0.10 µs per `inc`, and a chat
 * request increments about ten labelled counters). Each label set gets a cell the first time it is seen
 * (validated then, by prom-client itself); increments add to the cell and are handed to prom-client when
 * the counter is read (`get`, i.e. every scrape). Same names, labels, values, `reset` and `remove` as the
 * prom-client Counter it extends — only when the hashing happens changes.
 */
import { Counter, type CounterConfiguration, type LabelValues } from "prom-client";

type Cell<T extends string> = { labels: LabelValues<T>; pending: number };

export class FastCounter<T extends string = string> extends Counter<T> {
  private readonly cells = new Map<string, Cell<T>>();
  private readonly names: readonly T[];
  /** prom-client's own `inc` (hashes and validates). */
  private readonly slowInc: (labels: LabelValues<T>, value?: number) => void;

  constructor(config: CounterConfiguration<T>) {
    super(config);
    this.names = [...(config.labelNames ?? [])];
    // prom-client assigns `inc` per instance in its constructor: wrap that one.
    const slowInc = (this.slowInc = this.inc.bind(this) as (labels: LabelValues<T>, value?: number) => void);
    this.inc = ((labels?: LabelValues<T> | number, value?: number): void => {
      if (labels === undefined || typeof labels === "number") return slowInc({}, labels);
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) return slowInc(labels, value); // prom-client's error
      let key = "";
      for (const name of this.names) key += `${labels[name] ?? ""}\u0001`;
      let cell = this.cells.get(key);
      if (!cell) {
        slowInc(labels, 0); // validates the label set once and exports it
        cell = { labels: { ...labels }, pending: 0 };
        this.cells.set(key, cell);
      }
      cell.pending += value ?? 1;
    }) as Counter<T>["inc"];
  }

  /** Hands the pending increments to prom-client (label hashing once per label set and read). */
  private flush(): void {
    for (const cell of this.cells.values()) {
      if (cell.pending === 0) continue;
      const pending = cell.pending;
      cell.pending = 0;
      this.slowInc(cell.labels, pending);
    }
  }

  override async get(): ReturnType<Counter<T>["get"]> {
    this.flush();
    return super.get();
  }

  override reset(): void {
    this.cells?.clear(); // prom-client's constructor resets before our fields exist
    super.reset();
  }

  override remove(...values: string[]): void;
  override remove(labels: LabelValues<T>): void;
  override remove(...args: unknown[]): void {
    const [first] = args;
    const labels = (typeof first === "object" && first !== null ? first : Object.fromEntries(this.names.map((n, i) => [n, args[i]]))) as LabelValues<T>;
    let key = "";
    for (const name of this.names) key += `${labels[name] ?? ""}\u0001`;
    this.cells.delete(key);
    super.remove(labels);
  }
}
