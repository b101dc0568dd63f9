// CommonJS stand-in for the ESM-only `strip-bom`, which office-addin-manifest
// pulls in through @microsoft/app-manifest and jest cannot load as CommonJS.
module.exports = function stripBom(s) {
  return typeof s === "string" && s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
};
module.exports.default = module.exports;
