/**
 * A word's verdict kept across messages (words recur from message to message), in a map bounded against a hostile
 * stream of new words: past `max` entries it starts again empty.
 */
export function boundedMemo<V>(compute: (key: string) => V, max: number): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
