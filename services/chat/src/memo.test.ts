import { expect, test } from "bun:test";
import { BoundedMemo } from "./memo.ts";

test("computes once per key and forgets the oldest past its bound", () => {
  const memo = new BoundedMemo<string>(3);
  let calls = 0;
  const get = (k: string) => memo.get(k, () => `${k}:${++calls}`);
  expect(get("a")).toBe("a:1");
  expect(get("a")).toBe("a:1");
  get("b");
  get("c");
  get("d"); // "a" is forgotten
  expect(memo.size).toBe(3);
  expect(get("b")).toBe("b:2");
  expect(get("a")).toBe("a:5");
  expect(memo.size).toBe(3);
});
