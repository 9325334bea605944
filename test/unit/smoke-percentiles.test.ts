import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nearestRank, summarizeLatencies } from "../../src/core/smoke/percentiles.ts";

describe("nearestRank", () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it.each([
    [[15, 20, 35, 40, 50], 5, 15],
    [[15, 20, 35, 40, 50], 30, 20],
    [[15, 20, 35, 40, 50], 40, 20],
    [[15, 20, 35, 40, 50], 50, 35],
    [[15, 20, 35, 40, 50], 100, 50],
    [[3, 6, 7, 8, 8, 10, 13, 15, 16, 20], 25, 7],
    [[3, 6, 7, 8, 8, 10, 13, 15, 16, 20], 50, 8],
    [[3, 6, 7, 8, 8, 10, 13, 15, 16, 20], 75, 15],
    [hundred, 95, 95],
    [hundred, 99, 99],
    [hundred, 1, 1],
    [[42], 95, 42],
    [[1, 2], 50, 1],
    [[1, 2], 51, 2],
  ])("of %j at p%d is %d", (sorted, percentile, expected) => {
    expect(nearestRank(sorted, percentile)).toBe(expected);
  });

  it("p95 of 50 samples is the 48th, p99 the 50th", () => {
    const fifty = Array.from({ length: 50 }, (_, index) => index + 1);
    expect(nearestRank(fifty, 95)).toBe(48);
    expect(nearestRank(fifty, 99)).toBe(50);
    const twenty = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(nearestRank(twenty, 95)).toBe(19);
  });

  it("is null without samples and refuses percentiles outside (0, 100]", () => {
    expect(nearestRank([], 95)).toBeNull();
    expect(() => nearestRank([1], 0)).toThrow(RangeError);
    expect(() => nearestRank([1], 101)).toThrow(RangeError);
    expect(() => nearestRank([1], Number.NaN)).toThrow(RangeError);
  });

  it("is the smallest observed value with at least p% of samples at or below it (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 100 }),
        (values, percentile) => {
          const sorted = [...values].sort((a, b) => a - b);
          const result = nearestRank(sorted, percentile);
          expect(result).not.toBeNull();
          const value = result as number;
          expect(sorted).toContain(value);
          const atOrBelow = sorted.filter((item) => item <= value).length;
          expect(atOrBelow / sorted.length).toBeGreaterThanOrEqual(percentile / 100 - 1e-12);
          const below = sorted.filter((item) => item < value).length;
          expect(below / sorted.length).toBeLessThan(percentile / 100);
        },
      ),
    );
  });

  it("is monotonic in p (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 100 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        let previous = Number.NEGATIVE_INFINITY;
        for (let percentile = 1; percentile <= 100; percentile += 1) {
          const value = nearestRank(sorted, percentile) as number;
          expect(value).toBeGreaterThanOrEqual(previous);
          previous = value;
        }
      }),
    );
  });
});

describe("summarizeLatencies", () => {
  it("sorts and summarises", () => {
    expect(summarizeLatencies([5, 1, 4, 2, 3])).toEqual({ minMs: 1, p50Ms: 3, p95Ms: 5, p99Ms: 5, maxMs: 5 });
    expect(summarizeLatencies([])).toEqual({
      minMs: null,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
      maxMs: null,
    });
  });
});
