/**
 * Structured JSON logs (pino) on stdout. Secrets are redacted by key wherever they appear;
 * message texts are never logged here (the conversation log stream is the place for them).
 */
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/** `destination` defaults to stdout; tests pass their own to read what was logged. */
export function createLogger(name: string, level: string = "info", destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["authorization", "apiKey", "api_key", "password", "*.authorization", "*.apiKey", "*.api_key", "*.password", "headers.authorization", "headers[\"x-api-key\"]"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Strips credentials from a URL before it is printed (banner, health errors). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    if (u.username) u.username = "***";
    return u.toString();
  } catch {
    return "(unparseable url)";
  }
}
