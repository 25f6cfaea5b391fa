// The bounded least-recently-used map shared by the session cache, the chain cache and the `ca` memo.
import { describe, expect, it } from "vitest";
import { LruMap } from "../../tls/lru-map.js";

describe("LruMap", () => {
  it("evicts the least recently used entry, where get counts as a use", () => {
    const evicted: string[] = [];
    const map = new LruMap<string, string>(2, (v) => evicted.push(v));
    map.set("a", "A");
    map.set("b", "B");
    expect(map.get("a")).toBe("A");
    map.set("c", "C");
    expect(map.get("b")).toBeUndefined();
    expect(map.get("a")).toBe("A");
    expect(map.get("c")).toBe("C");
    expect(map.size).toBe(2);
    expect(evicted).toEqual(["B"]);
  });

  it("hands replaced and deleted values to onEvict, once each", () => {
    const evicted: string[] = [];
    const map = new LruMap<string, string>(4, (v) => evicted.push(v));
    map.set("a", "A1");
    map.set("a", "A2");
    map.delete("a");
    map.delete("a");
    expect(evicted).toEqual(["A1", "A2"]);
    expect(map.size).toBe(0);
  });
});
