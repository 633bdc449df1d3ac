/** The start banner of the all-in-one: where it listens and which parts are embedded. */
export function banner(parts: { url: string; bus: string; database: string; redis: string; conversations: string; llm: string; grok: string; auth: string }): string {
  const rows: [string, string][] = [
    ["API", parts.url],
    ["docs", `${parts.url}/swagger`],
    ["health", `${parts.url}/monitoring/health`],
    ["bus", parts.bus],
    ["database", parts.database],
    ["redis", parts.redis],
    ["chat log", parts.conversations],
    ["LLM", parts.llm],
    ["Grok", parts.grok],
    ["auth", parts.auth],
  ];
  const width = Math.max(...rows.map(([, v]) => v.length)) + 14;
  const line = "═".repeat(width);
  const body = rows.map(([k, v]) => `  ${k.padEnd(10)}  ${v}`).join("\n");
  return `\n${line}\n  Sinhome mesh — all-in-one\n${line}\n${body}\n${line}\n  Switch to real servers: see README "Running as a mesh".\n`;
}
