import { describe, expect, test } from "bun:test";
import { parseModelRoutes, presetModelName, RouteTable, stickyPoint, type ModelRoute } from "./model-routes.ts";
import { presetReader } from "./presets.ts";

const presets = presetReader();
const parse = (spec: string) => parseModelRoutes(spec, "qwen-default", presets);
const routesOf = (spec: string): ModelRoute[] => {
  const parsed = parse(spec);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.routes;
};
const sessions = (n: number, prefix = "fan") => Array.from({ length: n }, (_, i) => `${prefix}-${i}-${(i * 7919) % 104729}`);

describe("parseModelRoutes", () => {
  test("default and presets of models_env/, with an optional pool per arm", () => {
    expect(routesOf("default=90,euryale@http://vllm-euryale:8000/v1=10")).toEqual([
      { name: "default", weight: 90, model: "qwen-default" },
      { name: "euryale", weight: 10, model: "Sao10K/L3.3-70B-Euryale-v2.3", baseUrl: "http://vllm-euryale:8000/v1" },
    ]);
    expect(routesOf("qwen3=1,midnight=0").map((r) => r.weight)).toEqual([1, 0]);
  });

  test("unknown presets, duplicates, bad syntax and zero total weight are refused, each named", () => {
    const problems = (spec: string) => {
      const parsed = parse(spec);
      return parsed.ok ? [] : parsed.problems;
    };
    expect(problems("default=50,gpt5=50")[0]).toContain("'gpt5'");
    expect(problems("default=50,default=50")[0]).toContain("listed twice");
    expect(problems("default:50")[0]).toContain("name[@base_url]=weight");
    expect(problems("default=0,euryale=0")[0]).toContain("add up to 0");
  });

  test("a preset file's served model name", () => {
    expect(presetModelName("# comment\nMODEL_ID=a/b\nVLLM_MODEL_NAME=\"org/model\"\n")).toBe("org/model");
    // Without a served name vLLM serves the model id: the seed's VLLM_MODEL_ID, or MODEL_ID.
    expect(presetModelName("VLLM_MODEL_ID=seed/model\n")).toBe("seed/model");
    expect(presetModelName("MODEL_ID=a/b\n")).toBe("a/b");
    expect(presetModelName("# nothing\n")).toBeUndefined();
  });
});

describe("RouteTable", () => {
  test("shares over many sessions are within a point of the weights", () => {
    const table = new RouteTable(routesOf("default=90,euryale=10"));
    const counts = new Map<string, number>();
    const all = sessions(20_000);
    for (const s of all) counts.set(table.pick(s).name, (counts.get(table.pick(s).name) ?? 0) + 1);
    expect((counts.get("euryale") ?? 0) / all.length).toBeCloseTo(0.1, 1);
    expect(Math.abs((counts.get("euryale") ?? 0) / all.length - 0.1)).toBeLessThan(0.01);
    const three = new RouteTable(routesOf("default=50,qwen3=30,midnight=20"));
    const by = new Map<string, number>();
    for (const s of all) by.set(three.pick(s).name, (by.get(three.pick(s).name) ?? 0) + 1);
    expect(Math.abs((by.get("qwen3") ?? 0) / all.length - 0.3)).toBeLessThan(0.015);
    expect(Math.abs((by.get("midnight") ?? 0) / all.length - 0.2)).toBeLessThan(0.015);
  });

  test("a session keeps its arm; an arm of weight 0 is never picked by chance", () => {
    const table = new RouteTable(routesOf("default=50,euryale=50,midnight=0"));
    for (const s of sessions(500)) {
      const arm = table.pick(s).name;
      expect(arm).not.toBe("midnight");
      for (let i = 0; i < 3; i++) expect(table.pick(s).name).toBe(arm);
    }
  });

  test("moving 10 points of weight moves about 10 % of the sessions, not a reshuffle", () => {
    const before = new RouteTable(routesOf("default=90,euryale=10"));
    const after = new RouteTable(routesOf("default=80,euryale=20"));
    const all = sessions(10_000, "move");
    const moved = all.filter((s) => before.pick(s).name !== after.pick(s).name);
    expect(moved.length / all.length).toBeLessThan(0.12);
    expect(moved.every((s) => before.pick(s).name === "default" && after.pick(s).name === "euryale")).toBe(true);
  });

  test("the sticky point is the same in every process (a hash, not a random seed)", () => {
    expect(stickyPoint("session-42")).toBe(stickyPoint("session-42"));
    // Pinned: a change of hash would silently move every fan to another arm at the next deploy.
    expect(stickyPoint("session-42")).toBe(0.5738437443919864);
    expect(stickyPoint("a")).not.toBe(stickyPoint("b"));
  });
});
