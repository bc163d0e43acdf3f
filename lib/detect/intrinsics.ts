// Built-ins the detector uses on page text, captured once when its bundle loads. A page sharing the
// realm (the CLI, tests; in the browser content scripts have their own) that later replaces them cannot
// make the detector read a forged number or lose a step (test/unit/detect/hostile.test.ts).
export const jsonParse = JSON.parse;
export const isArray = Array.isArray;
export const replace = String.prototype.replace as (this: string, re: RegExp, to: string) => string;
