// What reaches stderr from Prism's debug logger: its header and body dumps never do, and anything
// the project's secret masker recognises in another line is masked. (cli.test.ts checks the same
// on a running mock.)
import { SECRET_MASK } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { redactLogLine } from "../src/redact.ts";

// JWT-shaped, not a token: three base64url parts.
const jwtShaped = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln_-";
const line = (msg: string) => JSON.stringify({ level: 20, name: "PRISM", msg });

describe("redactLogLine", () => {
  it.each([
    ["a body dump", `> Body: {"access_token":"${jwtShaped}"}`],
    ["a coloured body dump", `\u001b[90m> \u001b[39m\u001b[90mBody:\u001b[39m {"a":1}`],
    ["a headers heading", "< Headers:"],
    ["a header line", "> \tContent-type: application/json"],
    ["a request header line", "< \tauthorization: Bearer something"],
  ])("drops %s", (_name, msg) => {
    expect(redactLogLine(line(msg))).toBeUndefined();
  });

  it("keeps Prism's other steps as they are", () => {
    const step = line('> Responding with "200"');
    expect(redactLogLine(step)).toBe(step);
  });

  it("masks a JWT-shaped string anywhere else in a line", () => {
    const kept = redactLogLine(line(`Violation: token ${jwtShaped} is odd`)) ?? "";
    expect(kept.includes(jwtShaped), "the token survived").toBe(false);
    expect(kept).toContain(`Violation: token ${SECRET_MASK} is odd`);
  });

  it("masks a bearer credential of any shape", () => {
    const kept = redactLogLine(line("rejected Bearer opaque-credential-123")) ?? "";
    expect(kept.includes("opaque-credential-123"), "the credential survived").toBe(false);
  });

  it("leaves an address alone", () => {
    const step = line("listening on 127.0.0.1");
    expect(redactLogLine(step)).toBe(step);
  });
});
