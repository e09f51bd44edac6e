// The one rule for the names a user types: the command-line flag and the environment variable of
// each form field and of each bearer credential. The client CLI, the conformance run and the docs
// samples all name a value this way, so a reader who sets KLEARSTACK_PASSWORD for one sets it for
// all. Browser-safe and dependency-free.

/** Every variable starts with this, so they group together in a reader's shell. */
export const ENV_PREFIX = "KLEARSTACK_";

/** `company_name` → `company-name`, `bearerAccessToken` → `bearer-access-token`. */
export const fieldFlag = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();

/** `password` → `KLEARSTACK_PASSWORD`, `refresh_token` → `KLEARSTACK_REFRESH_TOKEN`. */
export const fieldEnvVar = (name: string): string =>
  `${ENV_PREFIX}${fieldFlag(name).replaceAll("-", "_").toUpperCase()}`;

/** The CLI subcommand of an operation: `getAccessTokenFromUserId` → `get-access-token-from-user-id`. */
export const commandName = (operationId: string): string => fieldFlag(operationId);

/** The flag that reads a secret from standard input: `password` → `password-stdin`. */
export const fieldStdinFlag = (name: string): string => `${fieldFlag(name)}-stdin`;

/**
 * The name a bearer credential goes by: the token it takes (`x-token-type: access` →
 * `access_token`, so KLEARSTACK_ACCESS_TOKEN and --access-token, the RFC 6750 name), else the
 * scheme's own name.
 */
export const bearerCredentialName = (scheme: {
  name: string;
  tokenType: string | undefined;
}): string => (scheme.tokenType ? `${scheme.tokenType}_token` : scheme.name);
