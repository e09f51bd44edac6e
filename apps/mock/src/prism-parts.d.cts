// Types of prism-parts.cjs. Prism's own types pull in fp-ts; prism.ts states the shapes it uses.
declare const parts: {
  route: unknown;
  validateOutput: unknown;
  validateSecurity: unknown;
  JSONSchemaFaker: {
    option(name: string, value: unknown): void;
    generate(schema: object): unknown;
  };
};
export = parts;
