// The name under which a vitest run's globalSetup (./chromium-setup.ts) provides its shared
// Chromium's endpoint to the test files (./chromium.ts).
declare module "vitest" {
  export interface ProvidedContext {
    klearstackChromium?: string;
  }
}

export const sharedChromiumKey = "klearstackChromium" as const;
