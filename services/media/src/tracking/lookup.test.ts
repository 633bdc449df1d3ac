/** Pure duplicate rules and recommendation ranking, without a database. */
import { describe, expect, test } from "bun:test";
import { isDuplicate, rankRecommendations, type SentState } from "./lookup.ts";

const state = (over: Partial<SentState> = {}): SentState => ({ sentIds: new Set(), sentHashes: new Set(), catalog: new Map(), ...over });

describe("isDuplicate", () => {
  const s = state({ sentIds: new Set(["m1"]), sentHashes: new Set(["H"]), catalog: new Map([["m2", "H"], ["m3", "OTHER"]]) });
  test("by id", () => expect(isDuplicate(s, "m1")).toBe(true));
  test("by the catalogue hash of the id (re-upload)", () => expect(isDuplicate(s, "m2")).toBe(true));
  test("by the caller's hash, which wins over the catalogue", () => {
    expect(isDuplicate(s, "m3", "H")).toBe(true);
    expect(isDuplicate(s, "m2", "NEW")).toBe(false);
  });
  test("unknown media is safe", () => expect(isDuplicate(s, "m4")).toBe(false));
});

describe("rankRecommendations", () => {
  test("defaults to 3 results, highest priority first, input order on ties, missing priority = 0", () => {
    const media = [{ media_id: "z" }, { media_id: "a", priority: 2 }, { media_id: "b", priority: 2 }, { media_id: "c", priority: 7 }, { media_id: "d", priority: -1 }];
    const r = rankRecommendations(media, state());
    expect(r.recommended.map((m) => m.media_id)).toEqual(["c", "a", "b"]);
    expect(r.excluded_count).toBe(0);
  });
  test("the same content twice in one batch is recommended once (the better-ranked one)", () => {
    const media = [{ media_id: "low", priority: 1, content_hash: "H" }, { media_id: "high", priority: 9, content_hash: "H" }, { media_id: "dup-id", priority: 0 }, { media_id: "dup-id", priority: 0 }];
    const r = rankRecommendations(media, state(), 10);
    expect(r.recommended.map((m) => m.media_id)).toEqual(["high", "dup-id"]);
    expect(r.excluded_count).toBe(2);
  });
  test("already sent (by id or by content) is excluded and counted", () => {
    const s = state({ sentIds: new Set(["x"]), sentHashes: new Set(["H"]) });
    const r = rankRecommendations([{ media_id: "x", priority: 100 }, { media_id: "y", content_hash: "H" }, { media_id: "ok" }], s);
    expect(r).toEqual({ recommended: [{ media_id: "ok" }], excluded_count: 2 });
  });
});
