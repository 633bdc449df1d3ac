/**
 * Test helper: walks the slider space (every 1/5 extreme, and a seeded random sample of all levels)
 * so prompt tests can assert properties for every combination without 5^9 prompt builds.
 */
import { SLIDERS, type Persona } from "@sinhome/proto";

type Level = Persona["tone"];

/** The 512 personas whose nine sliders are each 1 or 5. */
export function extremePersonas(base: Omit<Persona, (typeof SLIDERS)[number]> = { name: "Seline" }): Persona[] {
  return Array.from({ length: 2 ** SLIDERS.length }, (_, mask) => withLevels(base, (index) => ((mask >> index) & 1 ? 5 : 1)));
}

/** `count` personas with uniformly random levels, reproducible from `seed`. */
export function randomPersonas(count: number, seed: number, base: Omit<Persona, (typeof SLIDERS)[number]> = { name: "Seline" }): Persona[] {
  let state = seed;
  const nextLevel = (): Level => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return ((Math.floor(state / 2 ** 16) % 5) + 1) as Level;
  };
  return Array.from({ length: count }, () => withLevels(base, nextLevel));
}

function withLevels(base: Omit<Persona, (typeof SLIDERS)[number]>, levelOf: (index: number) => Level): Persona {
  const persona = { ...base } as Persona;
  SLIDERS.forEach((slider, index) => {
    persona[slider] = levelOf(index);
  });
  return persona;
}
