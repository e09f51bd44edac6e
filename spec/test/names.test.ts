// The one naming rule for flags and environment variables.
import { describe, expect, it } from "vitest";
import { bearerCredentialName, fieldEnvVar, fieldFlag, fieldStdinFlag } from "../names.ts";

describe("field names", () => {
  it("turns snake_case and camelCase into a flag and a KLEARSTACK_ variable", () => {
    expect(fieldFlag("company_name")).toBe("company-name");
    expect(fieldFlag("bearerAccessToken")).toBe("bearer-access-token");
    expect(fieldFlag("_odd__name_")).toBe("odd-name");
    expect(fieldEnvVar("password")).toBe("KLEARSTACK_PASSWORD");
    expect(fieldEnvVar("refresh_token")).toBe("KLEARSTACK_REFRESH_TOKEN");
    expect(fieldEnvVar("sessionMinutes")).toBe("KLEARSTACK_SESSION_MINUTES");
    expect(fieldStdinFlag("refresh_token")).toBe("refresh-token-stdin");
  });

  it("names a bearer credential by the token it takes, else by its scheme", () => {
    expect(bearerCredentialName({ name: "bearerAccessToken", tokenType: "access" })).toBe(
      "access_token",
    );
    expect(fieldEnvVar(bearerCredentialName({ name: "apiBearer", tokenType: undefined }))).toBe(
      "KLEARSTACK_API_BEARER",
    );
  });
});
