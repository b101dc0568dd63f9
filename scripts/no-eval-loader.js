/**
 * webpack loader: removes `new Function(""+e)` from the setImmediate
 * polyfill bundled in ExcelJS and JSZip (a path taken only for string
 * callbacks, which nothing passes), so the bundle holds no eval-like code and runs under a
 * Content-Security-Policy without 'unsafe-eval'. Fails the build if the
 * pattern is not found, so an ExcelJS upgrade cannot bring it back unseen.
 */
module.exports = function noEvalLoader(source) {
  const pattern = /new Function\(""\+(\w)\)/g;
  const count = (source.match(pattern) || []).length;
  if (count === 0 && /new Function/.test(source)) throw new Error("no-eval-loader: ExcelJS has new Function in an unexpected form");
  return source.replace(pattern, (_, v) => `function(){throw new TypeError("setImmediate: "+typeof ${v}+" callbacks are not supported")}`);
};
