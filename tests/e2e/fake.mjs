// Kept for specs written before tests/e2e/helpers/ existed (on other branches):
// everything the helpers offer, under one import. New specs import from helpers/.
export * from "./helpers/fake.mjs";
export * from "./helpers/sign-in.mjs";
export * from "./helpers/request-log.mjs";
export * from "./helpers/detail-page.mjs";
export * from "./helpers/edit-page.mjs";
export * from "./helpers/history-page.mjs";
