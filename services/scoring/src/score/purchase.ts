/**
 * Purchase score (0–100), the seed's formula: min(100, total amount × 2 + number of purchases × 10).
 * 50 € spent once = 100; five 1 € tips = 60. Amounts are in the CRM's currency, never converted.
 */
import type { Purchase } from "@sinhome/proto";

export function purchaseScore(purchases: readonly Purchase[]): number {
  let total = 0;
  for (const p of purchases) total += p.amount;
  return Math.min(100, total * 2 + purchases.length * 10);
}
