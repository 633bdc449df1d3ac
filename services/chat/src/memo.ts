/**
 * A bounded cache of computed strings by key: prompts are rebuilt for every request, yet a creator's
 * persona is the same from one message to the next, so the text built for it is kept (and its JSON, see
 * llm/body.ts). Past `max` keys the oldest is forgotten (insertion order), so a caller sending a new
 * persona every time costs one Map entry each, never unbounded memory.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
