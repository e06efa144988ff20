export * from "./labels.js";
export * from "./schema.js";
export * from "./parse.js";
export * from "./model.js";
export { DEFAULT_CONFIG } from "./defaults.js";
