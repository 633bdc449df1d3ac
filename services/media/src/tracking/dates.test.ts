/** Strict ISO 8601 parsing of `sent_at` and its 422. */
import { describe, expect, test } from "bun:test";
import { AppError } from "@sinhome/proto";
import { parseIsoInstant, parseOptionalDate } from "./dates.ts";

describe("parseIsoInstant", () => {
  test.each([
    ["2025-01-31", "2025-01-31T00:00:00.000Z"],
    ["2025-01-31T18:05", "2025-01-31T18:05:00.000Z"],
    ["2025-01-31T18:05:09Z", "2025-01-31T18:05:09.000Z"],
    ["2025-01-31T18:05:09.123456789Z", "2025-01-31T18:05:09.123Z"],
    ["2025-01-31 18:05:09+02:00", "2025-01-31T16:05:09.000Z"],
    ["2025-01-31T00:30:00-0130", "2025-01-31T02:00:00.000Z"],
    ["2024-02-29T12:00:00z", "2024-02-29T12:00:00.000Z"],
  ])("%s is %s (no zone = UTC)", (input, iso) => {
    expect(new Date(parseIsoInstant(input)!).toISOString()).toBe(iso);
  });

  test.each(["yesterday", "", "2025-1-5", "2025-02-30", "2023-02-29", "2025-13-01", "2025-01-01T24:00", "2025-01-01T10:60", "01/02/2025", "2025-01-01Z", "2025-01-01T10:00+15:00", "1969-12-31", "March 7, 2025", "2025-01-01T10:00:00.Z"])(
    "%p is refused",
    (input) => {
      expect(parseIsoInstant(input)).toBeUndefined();
    },
  );
});

describe("parseOptionalDate", () => {
  test("absent is null (the database clock decides)", () => {
    expect(parseOptionalDate(undefined, "sent_at")).toBeNull();
  });
  test("a bad date is a 422 whose details name the field, not the value", () => {
    try {
      parseOptionalDate("not a date", "records[4].sent_at");
      throw new Error("expected a throw");
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.status).toBe(422);
      expect(err.details).toHaveLength(1);
      expect(err.details[0]?.field).toBe("records[4].sent_at");
      expect(JSON.stringify(err.toBody())).not.toContain("not a date");
    }
  });
});
