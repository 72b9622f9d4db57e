export * from "./users";
export * from "./sessions";
export * from "./account-tokens";
export * from "./throttle";
export * from "./emails";
