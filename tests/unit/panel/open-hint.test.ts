import { describe, expect, it } from "vitest";
import { readOpenHint, writeOpenHint } from "@/lib/panel/open-hint";

function aStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

describe("the open-incident hint", () => {
  it("is unknown until a panel has seen the database", () => {
    expect(readOpenHint(aStorage())).toBe("unknown");
    expect(readOpenHint(undefined)).toBe("unknown");
  });

  it("remembers whether an incident was open", () => {
    const storage = aStorage();
    writeOpenHint(storage, null);
    expect(readOpenHint(storage)).toBe("none");
    writeOpenHint(storage, "session-1");
    expect(readOpenHint(storage)).toBe("open");
  });

  it("falls back to waiting for the database when storage refuses", () => {
    const broken = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(readOpenHint(broken)).toBe("unknown");
    expect(() => writeOpenHint(broken, null)).not.toThrow();
  });
});
