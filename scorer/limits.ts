// The server's default request limits, apart from the Node server so the bundle's openapi.json
// (written in the app's export worker too) states them without pulling in node:http.
export const DEFAULT_LIMITS = { maxBodyBytes: 32 * 1024 * 1024, maxRows: 100_000 };
