// CommonJS stand-in for uuid 14 (ESM-only), pulled in by office-addin-manifest;
// the manifest reader used in tests never generates ids, but loads the module.
const { randomUUID } = require("crypto");
module.exports = { v4: () => randomUUID(), validate: (s) => /^[0-9a-f-]{36}$/i.test(s) };
