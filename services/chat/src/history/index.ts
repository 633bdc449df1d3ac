/** History sanitizing and token budgets. */
export {
  CONVERSATION_START_PLACEHOLDER,
  FOLLOWUP_PLACEHOLDER,
  V1_HISTORY_LIMITS,
  V2_HISTORY_LIMITS,
  historyLimits,
  sanitizeHistory,
  slidingLimits,
  type SanitizeOptions,
  type WindowConfig,
} from "./sanitize.ts";
export { CHAT_MESSAGE_OVERHEAD_TOKENS, countTokens, truncateToTokens } from "./tokens.ts";
export { windowStart, type WindowLimits } from "./window.ts";
