// The header every file in src/generated/ starts with: what made it, and the one command that
// remakes it. The drift check (`npm run lint`, test/generated.test.ts) prints the same command.
export const fixCommand = "npm run generate -w @klearstack/client";

export function generatedHeader(generator: string): string {
  return `// Generated from spec/openapi.yaml by packages/client/scripts/${generator}. Do not edit.
// To refresh after a spec edit: ${fixCommand}
`;
}
