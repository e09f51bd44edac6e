// The parts of Prism the mock uses that its package entry does not re-export: the router, the
// validators, and the json-schema-faker instance its dynamic answers come from. They are reached
// with `require`, as Prism reaches them, so that Node, vitest and the bundle all hand the mock the
// same CommonJS instances Prism uses. (An `import` differs by loader: the router's `default`, and
// json-schema-faker's separate ES module build, which Prism never configures or reads.)
const router = require("@stoplight/prism-http/dist/router/index.js");
const validators = require("@stoplight/prism-http/dist/validator/index.js");
const { JSONSchemaFaker } = require("json-schema-faker");

module.exports = {
  route: router.default,
  validateOutput: validators.validateOutput,
  validateSecurity: validators.validateSecurity,
  JSONSchemaFaker,
};
