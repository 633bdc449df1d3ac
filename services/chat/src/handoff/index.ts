/** The hand-off signal every chat reply carries: detection (pure) and its Prometheus counter. */
export { detectHandoff, REPEATED_REFUSALS, type HandoffInput } from "./detect.ts";
export { countHandoff } from "./metrics.ts";
