/** The few jStat functions the report uses (the package ships no types). */
declare module "jstat" {
  export const jStat: {
    beta: { inv(p: number, alpha: number, beta: number): number; pdf(x: number, alpha: number, beta: number): number; cdf(x: number, alpha: number, beta: number): number; mean(alpha: number, beta: number): number; variance(alpha: number, beta: number): number };
    normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
    betaln(a: number, b: number): number;
  };
}
