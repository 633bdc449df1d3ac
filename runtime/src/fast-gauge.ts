/**
 * A prom-client Gauge whose labelled `set` costs a Map lookup instead of prom-client's per-call label
 * validation and hashing: the LLM router sets the in-flight gauge of a replica twice per call and the
 * slots set the queued gauge as often (profile, issue #16). Like FastCounter (fast-counter.ts): each label
 * set is validated and exported by prom-client the first time it is seen; later values wait in its cell and
 * are handed to prom-client when the gauge is read (`get`, every scrape) or before any other change
 * (`inc`, `dec`, `remove`, `reset`), so the order of changes and the values read stay prom-client's.
 */
import { Gauge, type GaugeConfiguration, type LabelValues } from "prom-client";

type Cell<T extends string> = { labels: LabelValues<T>; value: number; dirty: boolean };

export class FastGauge<T extends string = string> extends Gauge<T> {
  private readonly cells = new Map<string, Cell<T>>();
  private readonly names: readonly T[];

  constructor(config: GaugeConfiguration<T>) {
    super(config);
    this.names = [...(config.labelNames ?? [])];
  }

  private key(labels: LabelValues<T>): string {
    let key = "";
    for (const name of this.names) key += `${labels[name] ?? ""}\u0001`;
    return key;
  }

  override set(value: number): void;
  override set(labels: LabelValues<T>, value: number): void;
  override set(labels: LabelValues<T> | number, value?: number): void {
    if (typeof labels !== "object" || labels === null || typeof value !== "number") {
      this.flush();
      return typeof labels === "number" ? super.set(labels) : super.set(labels, value as number);
    }
    const key = this.key(labels);
    const cell = this.cells.get(key);
    if (cell) {
      cell.value = value;
      cell.dirty = true;
      return;
    }
    super.set(labels, value); // validates the label set once and exports it
    this.cells.set(key, { labels: { ...labels }, value, dirty: false });
  }

  /** Hands the latest value of every changed label set to prom-client. */
  private flush(): void {
    for (const cell of this.cells?.values() ?? []) {
      if (!cell.dirty) continue;
      cell.dirty = false;
      super.set(cell.labels, cell.value);
    }
  }

  override inc(...args: unknown[]): void {
    this.flush();
    (super.inc as (...a: unknown[]) => void).apply(this, args);
  }

  override dec(...args: unknown[]): void {
    this.flush();
    (super.dec as (...a: unknown[]) => void).apply(this, args);
  }

  override async get(): ReturnType<Gauge<T>["get"]> {
    this.flush();
    return super.get();
  }

  override reset(): void {
    this.cells?.clear(); // prom-client's constructor resets before our fields exist
    super.reset();
  }

  override remove(...args: unknown[]): void {
    this.flush();
    const [first] = args;
    const labels = (typeof first === "object" && first !== null ? first : Object.fromEntries(this.names.map((n, i) => [n, args[i]]))) as LabelValues<T>;
    this.cells.delete(this.key(labels));
    (super.remove as (...a: unknown[]) => void).apply(this, args);
  }
}
